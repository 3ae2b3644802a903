import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { DbClient } from "@berth/db/client";
import { DeploymentLog } from "../src/deployments/deployment-log";
import { endDeployment } from "../src/deployments/deployment-transitions";
import { readDeploymentProgress } from "../src/deployments/read-deployment-progress";
import { Fixtures, openTestDb } from "./helpers";

const db = openTestDb();
const fixtures = new Fixtures(db, "progress");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

/**
 * Followers (the git push, the console's stream) poll readDeploymentProgress until the status is
 * final, and the pipeline writes its last line, then the final status. Here the pipeline's ending
 * happens at the worst moment: in the middle of one of the reader's calls, between its two reads
 * of the real database.
 */
test("a follower that sees the final status has been given the last line, even when the deployment ends during its read", async () => {
  const { tenantId } = await fixtures.member();
  const app = await db.app.create({ data: { tenantId, name: "progress" }, select: { id: true } });
  const deployment = await db.deployment.create({ data: { appId: app.id, kind: "build", description: "test", status: "deploying" }, select: { id: true } });
  const log = new DeploymentLog(db, deployment.id);
  log.line("-----> Deploying");
  await log.flush();

  let ended = false;
  const endsMidRead = async () => {
    if (ended) return;
    ended = true;
    log.line("Release v1 is live at http://progress.example");
    await log.flush();
    assert.ok(await endDeployment(db, deployment.id, "failed", "stand-in ending"));
  };
  // Whichever of the two reads comes first, the deployment ends right after it.
  let first = true;
  const reader = db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, args, query }) {
          const result = await query(args);
          if (first && (model === "Deployment" || model === "DeploymentLogLine")) {
            first = false;
            await endsMidRead();
          }
          return result;
        },
      },
    },
  }) as unknown as DbClient;

  const seen: string[] = [];
  let afterSeq = 0;
  for (let calls = 0; calls < 5; calls++) {
    const progress = await readDeploymentProgress(reader, deployment.id, afterSeq);
    for (const l of progress.lines) {
      seen.push(l.line);
      afterSeq = l.seq;
    }
    if (progress.status === "failed") break;
  }
  assert.ok(ended, "the deployment ended during the first read");
  assert.deepEqual(seen, ["-----> Deploying", "Release v1 is live at http://progress.example"]);
});
