import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { packFiles } from "@berth/docker/build-context";
import { connectDocker } from "@berth/docker/engine";
import { imageExists, removeImageIfUnused } from "@berth/docker/images";
import { buildDeploymentImage } from "../src/deployments/build-deployment-image";
import type { PipelineDeps } from "../src/deployments/deployment-deps";
import { DeploymentFailure } from "../src/deployments/deployment-failure";
import { DeploymentLog } from "../src/deployments/deployment-log";
import { loadDeployment } from "../src/deployments/load-deployment";
import { buildImageTag } from "../src/deployments/runtime-names";
import { Fixtures, openTestDb } from "./helpers";

/**
 * The build step against the real database and engine: the plan is recorded and printed first,
 * the build-settings overrides apply, and the time and log-size limits stop or cut a build.
 */
const config = loadConfig();
const db = openTestDb();
const docker = connectDocker(config.docker.socketPath);
const fixtures = new Fixtures(db, "build-step");
let work = "";
const tags: string[] = [];

before(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "berth-build-step-"));
});

after(async () => {
  for (const tag of tags) await removeImageIfUnused(docker, tag).catch(() => false);
  await fixtures.cleanUp();
  await db.$disconnect();
  await rm(work, { recursive: true, force: true });
});

function deps(overrides: Partial<PipelineDeps["config"]["build"]> = {}): PipelineDeps {
  return {
    db,
    config: { ...config, build: { ...config.build, ...overrides } },
    docker,
    signal: new AbortController().signal,
    leaseOwner: "build-step-test",
    log: () => {},
  } as PipelineDeps;
}

/**
 * A build deployment of a new app whose pushed tree is `files`. Its own queue prefix keeps the
 * platform's worker from "recovering" it as a build whose worker died.
 */
async function deploymentOf(files: Record<string, string>, buildSettings: object = {}) {
  const { tenantId } = await fixtures.member();
  const app = await db.app.create({ data: { tenantId, name: `app-${randomBytes(3).toString("hex")}`, buildSettings } });
  const archive = path.join(work, `${app.id}.tar`);
  await writeFile(archive, await packFiles(files));
  const row = await db.deployment.create({ data: { appId: app.id, kind: "build", commitSha: "0123456789abcdef", sourceArchive: archive, description: "test", status: "building", queuePrefix: "berth-test-build-step" } });
  const loaded = await loadDeployment(db, row.id);
  assert.ok(loaded);
  tags.push(buildImageTag(config, loaded.app.tenant.name, loaded.app.name, row.id));
  return loaded;
}

async function logOf(deploymentId: string): Promise<string[]> {
  return (await db.deploymentLogLine.findMany({ where: { deploymentId }, orderBy: { seq: "asc" } })).map((l) => l.line);
}

const nodeApp = {
  "package.json": JSON.stringify({ name: "step", private: true, scripts: { start: "node server.js" } }),
  "server.js": "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT);\n",
};

test("the plan (with the app's overrides) is stored on the deployment and printed before the build; the image is tagged", async () => {
  const d = await deploymentOf({ ...nodeApp, Procfile: "web: node server.js\nrelease: echo migrate\n" }, { buildCommand: "echo custom-build-step" });
  const log = new DeploymentLog(db, d.id);
  await buildDeploymentImage(deps(), d, log);
  await log.flush();
  const row = await db.deployment.findUniqueOrThrow({ where: { id: d.id }, select: { buildPlan: true } });
  const plan = row.buildPlan as { provider: string; commands: { build: string }; release: string; overrides: string[]; treeDigest: string; cacheKey: string };
  assert.equal(plan.provider, "node");
  assert.equal(plan.commands.build, "echo custom-build-step");
  assert.deepEqual(plan.overrides, ["buildCommand"]);
  assert.equal(plan.release, "echo migrate");
  assert.match(plan.treeDigest, /^[0-9a-f]{64}$/);
  const lines = await logOf(d.id);
  const planAt = lines.findIndex((l) => l.startsWith("-----> Build plan: node"));
  const firstStep = lines.findIndex((l) => /Step 1\//.test(l));
  assert.ok(planAt >= 0 && planAt < firstStep, lines.join("\n"));
  assert.ok(lines.some((l) => l.includes("custom-build-step")), "the overridden build command ran");
  assert.equal(await imageExists(docker, buildImageTag(config, d.app.tenant.name, d.app.name, d.id)), true);
});

test("a build past the time limit is stopped with a reason that names the setting", async () => {
  const d = await deploymentOf(nodeApp, { buildCommand: `sleep 60 # ${randomBytes(4).toString("hex")}` });
  const log = new DeploymentLog(db, d.id);
  await assert.rejects(buildDeploymentImage(deps({ timeoutMs: 3_000 }), d, log), (err: unknown) => {
    assert.ok(err instanceof DeploymentFailure);
    assert.match(err.message, /longer than 3 s \(BERTH_BUILD_TIMEOUT_SECONDS\)/);
    return true;
  });
});

test("output past the log limit is cut with a notice; the rest of the build still runs", async () => {
  const marker = randomBytes(4).toString("hex");
  const d = await deploymentOf(nodeApp, { buildCommand: `for i in $(seq 1 400); do echo "noisy-${marker} line $i of the build output"; done` });
  const log = new DeploymentLog(db, d.id);
  await buildDeploymentImage(deps({ logLimitBytes: 4 * 1024 }), d, log);
  await log.flush();
  const lines = await logOf(d.id);
  assert.ok(lines.some((l) => /Build output passed 4 KB \(BERTH_BUILD_LOG_LIMIT_KB\)/.test(l)), "the cut is announced");
  assert.equal(lines.some((l) => l.includes(`noisy-${marker} line 400 `)), false, "lines past the limit are not kept");
  assert.ok(lines.some((l) => l === "-----> Build finished"), "the build ran to the end");
});
