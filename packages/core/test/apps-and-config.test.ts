import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createApp } from "../src/apps/create-app";
import { getApp } from "../src/apps/get-app";
import { getAppInfo } from "../src/apps/get-app-info";
import { listApps } from "../src/apps/list-apps";
import { listConfig } from "../src/config-vars/list-config";
import { describeConfigChange, setConfig } from "../src/config-vars/set-config";
import { AppError, type AppErrorCode } from "../src/errors/app-error";
import { listReleases } from "../src/releases/list-releases";
import { rollback } from "../src/releases/rollback";
import { readMemberDeploymentProgress } from "../src/releases/follow-deployment";
import { ensureMembership } from "../src/tenants/ensure-tenant";
import { Fixtures, openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
const deps = { db, config };
const fixtures = new Fixtures(db, "apps");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

const code = (expected: AppErrorCode) => (e: unknown) => AppError.is(e) && e.code === expected;

const member = fixtures.member.bind(fixtures);

test("createApp validates the name, returns the URLs and refuses a taken name", async () => {
  const { userId, tenant } = await member();
  const created = await createApp(deps, { userId, tenant, name: "hello" });
  assert.equal(created.gitUrl, `${config.web.publicUrl}/git/${tenant}/hello.git`);
  assert.match(created.webUrl, new RegExp(`^http://hello\\.${tenant}\\.${config.baseDomain.replaceAll(".", "\\.")}`));

  await assert.rejects(createApp(deps, { userId, tenant, name: "hello" }), (e) => code("CONFLICT")(e) && /already exists/.test((e as AppError).userMessage));
  for (const bad of ["Hello", "-x", "a_b", "x".repeat(31), "", "a b", "../etc"]) {
    await assert.rejects(createApp(deps, { userId, tenant, name: bad }), code("INVALID_INPUT"), bad);
  }

  const list = await listApps(deps, { userId, tenant });
  assert.deepEqual(list.map((a) => a.name), ["hello"]);
  const info = await getAppInfo(deps, { userId, tenant, app: "hello" });
  assert.equal(info.gitUrl, created.gitUrl);
  assert.equal(info.currentRelease, null);
  assert.equal(info.latestDeployment, null);
});

test("a viewer cannot create apps, change config or roll back, but can read", async () => {
  const owner = await member();
  await createApp(deps, { ...owner, name: "seen" });
  const viewer = await member("viewer");
  await ensureMembership(db, { tenantId: owner.tenantId, userId: viewer.userId, role: "viewer" });
  const ref = { userId: viewer.userId, tenant: owner.tenant, app: "seen" };

  await assert.rejects(createApp(deps, { userId: viewer.userId, tenant: owner.tenant, name: "mine" }), code("FORBIDDEN"));
  await assert.rejects(setConfig(deps, { ...ref, set: { A: "1" } }), code("FORBIDDEN"));
  await assert.rejects(rollback(deps, { ...ref, version: 1 }), code("FORBIDDEN"));
  assert.deepEqual(await listConfig(deps, ref), {});
  await assert.rejects(listConfig(deps, { ...ref, reveal: true }), code("FORBIDDEN"), "viewers see keys, not values");
  assert.equal((await getApp(db, ref)).name, "seen");
});

test("another tenant's apps, config and releases are NOT_FOUND, exactly like missing ones", async () => {
  const alice = await member();
  const bob = await member();
  await createApp(deps, { ...alice, name: "secret" });
  await setConfig(deps, { ...alice, app: "secret", set: { TOKEN: "s3cret" } });

  const asBob = { userId: bob.userId, tenant: alice.tenant, app: "secret" };
  const missing = { userId: alice.userId, tenant: alice.tenant, app: "no-such-app" };
  for (const ref of [asBob, missing]) {
    await assert.rejects(getApp(db, ref), code("NOT_FOUND"));
    await assert.rejects(getAppInfo(deps, ref), code("NOT_FOUND"));
    await assert.rejects(listConfig(deps, ref), code("NOT_FOUND"));
    await assert.rejects(listConfig(deps, { ...ref, reveal: true }), code("NOT_FOUND"));
    await assert.rejects(setConfig(deps, { ...ref, set: { TOKEN: "mine" } }), code("NOT_FOUND"));
    await assert.rejects(listReleases(db, ref), code("NOT_FOUND"));
    await assert.rejects(rollback(deps, { ...ref, version: 1 }), code("NOT_FOUND"));
  }
  // The two refusals read the same, so the answer does not tell whether the app exists.
  const bobSees = await getApp(db, asBob).catch((e: AppError) => e.userMessage);
  assert.equal(bobSees, `No app named "secret" in tenant "${alice.tenant}".`);

  assert.deepEqual(await listApps(deps, { userId: bob.userId, tenant: alice.tenant }), []);
  await assert.rejects(createApp(deps, { userId: bob.userId, tenant: alice.tenant, name: "intruder" }), code("NOT_FOUND"));
  assert.deepEqual(await listConfig(deps, { ...alice, app: "secret", reveal: true }), { TOKEN: "s3cret" }, "bob's attempt changed nothing");
});

test("config keys are validated, PORT is reserved, and an app without a release just stores its config", async () => {
  const owner = await member();
  await createApp(deps, { ...owner, name: "cfg" });
  const ref = { ...owner, app: "cfg" };
  for (const key of ["1ABC", "A-B", "A B", "", "É"]) await assert.rejects(setConfig(deps, { ...ref, set: { [key]: "x" } }), code("INVALID_INPUT"), key);
  await assert.rejects(setConfig(deps, { ...ref, set: { PORT: "8080" } }), (e) => code("INVALID_INPUT")(e) && /PORT is reserved/.test((e as AppError).userMessage));
  await assert.rejects(setConfig(deps, { ...ref, set: {} }), code("INVALID_INPUT"));
  await assert.rejects(setConfig(deps, { ...ref, set: { A: "1" }, unset: ["A"] }), code("INVALID_INPUT"));

  const first = await setConfig(deps, { ...ref, set: { GREETING: "hi", _under: "x", B2: "" } });
  assert.equal(first.deploymentId, null, "no release yet: nothing to restart");
  assert.equal(first.description, "Set GREETING, _under, B2");
  assert.deepEqual(await listConfig(deps, { ...ref, reveal: true }), { B2: "", GREETING: "hi", _under: "x" });
  assert.deepEqual(await listConfig(deps, ref), { B2: "••••••", GREETING: "••••••", _under: "••••••" }, "masked unless revealed");

  const second = await setConfig(deps, { ...ref, set: { GREETING: "hi" }, unset: ["B2", "MISSING"] });
  assert.equal(second.description, "Unset B2", "unchanged values and absent keys are not changes");
  assert.deepEqual(await listConfig(deps, { ...ref, reveal: true }), { GREETING: "hi", _under: "x" });
  const none = await setConfig(deps, { ...ref, set: { GREETING: "hi" } });
  assert.equal(none.changed, false);
  assert.equal(describeConfigChange(["A"], ["B", "C"]), "Set A; unset B, C");
});

test("releases list newest first with who made them; rollback to a missing version is NOT_FOUND", async () => {
  const { email: ownerEmail, ...owner } = await member();
  const { id: appId } = await createApp(deps, { ...owner, name: "rel" });
  const digest = `sha256:${"a".repeat(64)}`;
  const v1 = await db.release.create({
    data: { appId, version: 1, kind: "build", imageRef: "r/x:v1", imageDigest: digest, config: {}, description: "Deploy 1a2b3c4", createdById: owner.userId, status: "superseded" },
  });
  const v2 = await db.release.create({
    data: { appId, version: 2, kind: "config", imageRef: "r/x:v2", imageDigest: digest, config: { A: "1" }, description: "Set A", createdById: null, status: "live" },
  });
  await db.app.update({ where: { id: appId }, data: { currentReleaseId: v2.id } });

  const list = await listReleases(db, { ...owner, app: "rel" });
  assert.deepEqual(list.map((r) => [r.version, r.kind, r.status, r.current]), [[2, "config", "live", true], [1, "build", "superseded", false]]);
  assert.equal(list[1]?.createdBy, ownerEmail);
  assert.equal(list[0]?.createdBy, null);
  assert.equal(list[0]?.imageDigest, digest);
  assert.equal(v1.version, 1);

  const info = await getAppInfo(deps, { ...owner, app: "rel" });
  assert.equal(info.currentRelease?.version, 2);
  await assert.rejects(rollback(deps, { ...owner, app: "rel", version: 7 }), (e) => code("NOT_FOUND")(e) && /no release v7/.test((e as AppError).userMessage));
});

test("deployment progress is visible to members only", async () => {
  const owner = await member();
  const stranger = await member();
  const { id: appId } = await createApp(deps, { ...owner, name: "prog" });
  const deployment = await db.deployment.create({
    data: { appId, kind: "build", description: "Deploy abc1234", logLines: { create: [{ seq: 1, line: "one" }, { seq: 2, line: "two" }] } },
  });
  const progress = await readMemberDeploymentProgress(db, { userId: owner.userId, deploymentId: deployment.id, afterSeq: 1 });
  assert.deepEqual(progress.lines, [{ seq: 2, line: "two" }]);
  assert.equal(progress.status, "received");
  await assert.rejects(readMemberDeploymentProgress(db, { userId: stranger.userId, deploymentId: deployment.id, afterSeq: 0 }), code("NOT_FOUND"));
});
