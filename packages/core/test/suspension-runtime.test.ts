import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { applyService, inspectService, removeService } from "@berth/docker/services";
import { resumeTenant, suspendTenant } from "../src/admin/suspend-tenant";
import { createApp } from "../src/apps/create-app";
import { APP_ID_LABEL, appServiceName, MANAGED_LABEL, PROCESS_TYPE_LABEL } from "../src/deployments/runtime-names";
import { stopApp } from "../src/runtime/stop-start-app";
import { Fixtures, openTestDb } from "./helpers";

/**
 * A suspended tenant's apps stop running on the real Swarm, and resuming brings back exactly the
 * apps that ran before (an app its developers had stopped stays stopped).
 */
const config = loadConfig();
const db = openTestDb();
const docker = connectDocker(config.docker.socketPath);
const deps = { db, config, docker };
const fixtures = new Fixtures(db, "susp");
const services: string[] = [];

after(async () => {
  for (const name of services) await removeService(docker, name).catch(() => false);
  await fixtures.cleanUp();
  await db.$disconnect();
});

async function runningApp(owner: { userId: string; tenant: string }, name: string): Promise<string> {
  const app = await createApp(deps, { ...owner, name });
  const service = appServiceName(app.id);
  services.push(service);
  // A stand-in for a deployed web process: the same labels a deploy sets, on a local base image.
  await applyService(docker, {
    name: service,
    image: config.baseImages.debian,
    command: ["sleep", "infinity"],
    env: {},
    labels: { [MANAGED_LABEL]: "true", [APP_ID_LABEL]: app.id, [PROCESS_TYPE_LABEL]: "web" },
    networks: [],
    replicas: 1,
  });
  return service;
}

async function replicasOf(service: string): Promise<number | undefined> {
  return (await inspectService(docker, service))?.spec.Mode?.Replicated?.Replicas;
}

test("suspending a tenant scales its apps to zero; resuming restores the ones that ran", async () => {
  const owner = await fixtures.member("owner");
  const running = await runningApp(owner, "runs");
  const stoppedByTeam = await runningApp(owner, "rests");
  await stopApp(deps, { ...owner, app: "rests" });
  assert.equal(await replicasOf(stoppedByTeam), 0);

  await suspendTenant(deps, { tenant: owner.tenant, reason: "suspension runtime test" });
  assert.equal(await replicasOf(running), 0, "a suspended tenant's app runs no instance");

  await resumeTenant(deps, { tenant: owner.tenant });
  assert.equal(await replicasOf(running), 1, "resuming brings the app back");
  assert.equal(await replicasOf(stoppedByTeam), 0, "an app the team had stopped stays stopped");
});
