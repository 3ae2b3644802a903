import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { claimBuildSlot } from "../src/builds/build-slots";
import { Fixtures, openTestDb } from "./helpers";

/**
 * The per-host build cap on the real database: slots are counted per build host across worker
 * processes, a build whose worker died frees its slot when its lease expires, and two claims racing
 * for the last slot never both get it.
 */
const db = openTestDb();
const fx = new Fixtures(db, "slots");
const run = randomBytes(3).toString("hex");
const host = `build-host-${run}`;
let appId = "";

/** A build deployment in `received` whose lease `owner` holds (as runWithLease leaves it). */
async function leasedBuild(owner: string, leaseMs = 60_000): Promise<string> {
  const d = await db.deployment.create({
    data: { appId, kind: "build", status: "received", description: "test build", leaseOwner: owner, leaseExpiresAt: new Date(Date.now() + leaseMs) },
  });
  return d.id;
}

before(async () => {
  const { tenantId } = await fx.member();
  appId = (await db.app.create({ data: { tenantId, name: `slots-${run}` } })).id;
});

after(async () => {
  await fx.cleanUp();
  await db.$disconnect();
});

test("the cap holds across worker processes on one host, not per process, and other hosts have their own", async () => {
  const a = await leasedBuild("worker-a#1");
  const b = await leasedBuild("worker-b#2");
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: a, owner: "worker-a#1", host, cap: 1 }), { outcome: "claimed" });
  const row = await db.deployment.findUniqueOrThrow({ where: { id: a } });
  assert.equal(row.status, "building");
  assert.equal(row.buildHost, host);
  assert.ok(row.buildingAt && row.stepDeadlineAt, "the step is stamped with its deadline");
  // Another worker process on the same host waits…
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: b, owner: "worker-b#2", host, cap: 1 }), { outcome: "full", running: 1 });
  assert.equal((await db.deployment.findUniqueOrThrow({ where: { id: b } })).status, "received");
  // …while a different host has slots of its own.
  const c = await leasedBuild("worker-c#3");
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: c, owner: "worker-c#3", host: `${host}-other`, cap: 1 }), { outcome: "claimed" });
  // The first build moves on (queued for its rollout): its slot is free.
  await db.deployment.update({ where: { id: a }, data: { status: "queued" } });
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: b, owner: "worker-b#2", host, cap: 1 }), { outcome: "claimed" });
  // Taking it up again after a restart of the same build is not a second slot.
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: b, owner: "worker-b#2", host, cap: 1 }), { outcome: "claimed" });
  await db.deployment.updateMany({ where: { id: { in: [b, c] } }, data: { status: "cancelled" } });
});

test("a build whose worker died frees its slot once its lease expires", async () => {
  const dead = await leasedBuild("dead-worker#9", 1_000);
  assert.equal((await claimBuildSlot(db, { deploymentId: dead, owner: "dead-worker#9", host, cap: 1 })).outcome, "claimed");
  const next = await leasedBuild("live-worker#1");
  assert.equal((await claimBuildSlot(db, { deploymentId: next, owner: "live-worker#1", host, cap: 1 })).outcome, "full");
  await db.deployment.update({ where: { id: dead }, data: { leaseExpiresAt: new Date(Date.now() - 1) } });
  assert.equal((await claimBuildSlot(db, { deploymentId: next, owner: "live-worker#1", host, cap: 1 })).outcome, "claimed");
  await db.deployment.updateMany({ where: { id: { in: [dead, next] } }, data: { status: "cancelled" } });
});

test("claims racing for the last slots never exceed the cap; a deployment no longer ours is gone", async () => {
  const owners = Array.from({ length: 6 }, (_, i) => `racer-${i}#${i}`);
  const ids = await Promise.all(owners.map((o) => leasedBuild(o)));
  const claims = await Promise.all(ids.map((id, i) => claimBuildSlot(db, { deploymentId: id, owner: owners[i] as string, host, cap: 2 })));
  assert.equal(claims.filter((c) => c.outcome === "claimed").length, 2);
  assert.equal(await db.deployment.count({ where: { id: { in: ids }, status: "building" } }), 2);
  const waiting = ids.find((_, i) => claims[i]?.outcome === "full") as string;
  assert.deepEqual(await claimBuildSlot(db, { deploymentId: waiting, owner: "someone-else#1", host, cap: 10 }), { outcome: "gone" });
  await db.deployment.updateMany({ where: { id: { in: ids } }, data: { status: "cancelled" } });
});
