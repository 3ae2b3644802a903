import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createApp } from "../src/apps/create-app";
import { encryptLegacyConfig } from "../src/config-vars/encrypt-legacy-config";
import { listConfig } from "../src/config-vars/list-config";
import { setConfig } from "../src/config-vars/set-config";
import { configKeyOf, decryptValue, encryptValue, parseConfigKey } from "../src/crypto/config-cipher";
import { createRelease } from "../src/deployments/create-release";
import { closeDeploymentQueues } from "../src/deployments/enqueue-deployment-job";
import { startConfigDeployment } from "../src/deployments/start-config-deployment";
import { Fixtures, openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
const deps = { db, config };
const key = configKeyOf(config);
const fixtures = new Fixtures(db, "enc");
after(async () => {
  await fixtures.cleanUp();
  await closeDeploymentQueues();
  await db.$disconnect();
});

async function ownerWithApp() {
  const { userId, tenant } = await fixtures.member("owner");
  const app = await createApp(deps, { userId, tenant, name: "vault" });
  return { userId, tenant, app: "vault", appId: app.id };
}

test("the installation has a 32-byte key; values round-trip and each encryption differs", () => {
  assert.equal(key.length, 32);
  const a = encryptValue(key, "s3cret");
  const b = encryptValue(key, "s3cret");
  assert.match(a, /^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
  assert.notEqual(a, b, "a fresh IV per value");
  assert.equal(decryptValue(key, a), "s3cret");
  assert.equal(decryptValue(key, "legacy plain"), "legacy plain", "values without the prefix are legacy plain text");
  const other = parseConfigKey(randomBytes(32).toString("base64"));
  assert.throws(() => decryptValue(other, a), /does not decrypt/);
  const tampered = `${a.slice(0, -4)}AAA=`;
  assert.throws(() => decryptValue(key, tampered), "GCM refuses a changed ciphertext");
  assert.throws(() => parseConfigKey("c2hvcnQ="), /32 bytes/);
});

test("the ConfigVar row in PostgreSQL is not the plain text; reveal gives it back", async () => {
  const ref = await ownerWithApp();
  const plain = `p@ss-${randomBytes(6).toString("hex")}`;
  await setConfig(deps, { ...ref, set: { DATABASE_PASSWORD: plain } });
  const rows = await db.$queryRaw<{ value: string }[]>`SELECT value FROM "ConfigVar" WHERE "appId" = ${ref.appId} AND key = 'DATABASE_PASSWORD'`;
  assert.equal(rows.length, 1);
  assert.notEqual(rows[0]?.value, plain);
  assert.ok(!rows[0]?.value.includes(plain));
  assert.match(rows[0]?.value ?? "", /^v1:/);
  assert.deepEqual(await listConfig(deps, ref), { DATABASE_PASSWORD: "••••••" });
  assert.deepEqual(await listConfig(deps, { ...ref, reveal: true }), { DATABASE_PASSWORD: plain });
});

test("release snapshots and config deployments store ciphertext too", async () => {
  const ref = await ownerWithApp();
  const plain = `tok-${randomBytes(6).toString("hex")}`;
  const deployment = await db.deployment.create({ data: { appId: ref.appId, kind: "build", description: "test" }, select: { id: true } });
  const release = await createRelease(db, key, deployment.id, {
    appId: ref.appId, version: 1, kind: "build", imageRef: "r/x:v1", imageDigest: "sha256:0", config: { TOKEN: plain },
    description: "test", sourceCommit: null, createdById: null,
  });
  await db.app.update({ where: { id: ref.appId }, data: { currentReleaseId: release.id } });
  const [stored] = await db.$queryRaw<{ config: string }[]>`SELECT config::text AS config FROM "Release" WHERE id = ${release.id}`;
  assert.ok(stored && !stored.config.includes(plain), stored?.config);
  assert.match(stored?.config ?? "", /"TOKEN": ?"v1:/, "keys stay readable, values do not");

  // A config change on an app with a release: the Deployment row carries the new config, encrypted.
  const { deploymentId } = await startConfigDeployment({ ...deps, queuePrefix: `enc-test-${randomBytes(4).toString("hex")}` }, {
    appId: ref.appId, config: { TOKEN: `${plain}-2` }, description: "Set TOKEN", createdById: null,
  });
  assert.ok(deploymentId);
  const [dep] = await db.$queryRaw<{ config: string }[]>`SELECT config::text AS config FROM "Deployment" WHERE id = ${deploymentId}`;
  assert.ok(dep && !dep.config.includes(plain), dep?.config);
  const lines = await db.deploymentLogLine.findMany({ where: { deploymentId }, select: { line: true } });
  assert.ok(lines.every((l) => !l.line.includes(plain)), "no value in the deployment's log");
});

test("legacy plain rows are encrypted on the next write and by the one-off upgrade", async () => {
  const ref = await ownerWithApp();
  await db.configVar.create({ data: { appId: ref.appId, key: "OLD", value: "plain-old" } });
  assert.deepEqual(await listConfig(deps, { ...ref, reveal: true }), { OLD: "plain-old" }, "legacy rows still read");
  await setConfig(deps, { ...ref, set: { NEW: "x" } });
  const old = await db.configVar.findUniqueOrThrow({ where: { appId_key: { appId: ref.appId, key: "OLD" } } });
  assert.match(old.value, /^v1:/);
  assert.equal(decryptValue(key, old.value), "plain-old");

  await db.configVar.create({ data: { appId: ref.appId, key: "OLDER", value: "plain-older" } });
  const done = await encryptLegacyConfig(db, key);
  assert.ok(done.configVars >= 1);
  const older = await db.configVar.findUniqueOrThrow({ where: { appId_key: { appId: ref.appId, key: "OLDER" } } });
  assert.equal(decryptValue(key, older.value), "plain-older");
  assert.match(older.value, /^v1:/);
});
