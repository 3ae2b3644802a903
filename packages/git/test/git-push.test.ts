import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createApp } from "@berth/core/apps/create-app";
import { destroyApp } from "@berth/core/apps/destroy-app";
import { hashPassword } from "@berth/core/auth/password";
import { closeDeploymentQueues } from "@berth/core/deployments/enqueue-deployment-job";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { runGit } from "../src/run-git";

// Real pushes with the real git client, over HTTP to the running console (:3000), into real bare
// repositories, through the real build engine, registry, Swarm and router.
const config = loadConfig();
const db = createDb(config.postgres.url);
const console_ = new URL(config.web.publicUrl);
const suffix = randomBytes(3).toString("hex");
const emails: string[] = [];
const tenants: string[] = [];
const apps: Array<{ userId: string; tenant: string; app: string }> = [];
const work = mkdtempSync(path.join(os.tmpdir(), "berth-git-test-"));

/** git in the test's working copy, as a developer runs it: never prompting, with an identity. */
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@berth.test", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@berth.test" };
const run = (args: string[]) => runGit(args, { cwd: work, env: GIT_ENV });

/** A remote URL with the token as Basic-auth password; `-c credential.helper=` keeps other helpers out. */
function remote(tenant: string, app: string, token?: string): string {
  const auth = token ? `berth:${token}@` : "";
  return `${console_.protocol}//${auth}${console_.host}/git/${tenant}/${app}.git`;
}
const push = (url: string) => run(["-c", "credential.helper=", "push", url, "main"]);

async function member(tenant: string, role: "developer" | "viewer") {
  const email = `git-${role}-${randomBytes(5).toString("hex")}@git-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true } });
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await ensureMembership(db, { tenantId, userId: user.id, role });
  const { token } = await createApiToken(db, { userId: user.id, name: "git test" });
  return { userId: user.id, token };
}

function getThroughRouter(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: config.router.port, path: "/", headers: { Host: host }, agent: false }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let dev: { userId: string; token: string };
let viewer: { userId: string; token: string };
let stranger: { userId: string; token: string };
const app = `git-test-${suffix}`;
const otherTenant = `git-other-${suffix}`;

before(async () => {
  // The default tenant: its overlay network exists already, so the deploy leaves nothing new behind.
  dev = await member("main", "developer");
  viewer = await member("main", "viewer");
  tenants.push(otherTenant);
  stranger = await member(otherTenant, "developer");
  await createApp({ db, config }, { userId: dev.userId, tenant: "main", name: app });
  apps.push({ userId: dev.userId, tenant: "main", app });
  await run(["init", "--quiet", "--initial-branch=main"]);
  writeFileSync(path.join(work, "index.html"), `<!doctype html><title>git test</title><h1>pushed ${suffix}</h1>\n`);
  await run(["add", "--all"]);
  await run(["commit", "--quiet", "--message", "only version"]);
});

after(async () => {
  // Destroying needs admin; the pusher is a developer on purpose, so it is promoted for the cleanup.
  const main = await db.tenant.findUniqueOrThrow({ where: { name: "main" }, select: { id: true } });
  for (const ref of apps) {
    await ensureMembership(db, { tenantId: main.id, userId: ref.userId, role: "admin" });
    await destroyApp({ db, config }, ref).catch((e) => console.error("cleanup:", e));
  }
  await db.tenant.deleteMany({ where: { name: { in: tenants } } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await closeDeploymentQueues();
  await db.$disconnect();
  rmSync(work, { recursive: true, force: true });
});

test("no token: 401 with a Basic challenge and a text/plain reason", async () => {
  const res = await fetch(`${config.web.publicUrl}/git/main/${app}.git/info/refs?service=git-receive-pack`);
  assert.equal(res.status, 401);
  assert.match(res.headers.get("www-authenticate") ?? "", /^Basic realm="Berth"/);
  assert.match(res.headers.get("content-type") ?? "", /^text\/plain/);
  assert.match(await res.text(), /API token as the password/);
  const pushed = await push(remote("main", app));
  assert.notEqual(pushed.code, 0);
});

test("a wrong token is refused and the pusher reads why", async () => {
  const pushed = await push(remote("main", app, "berth_not-a-real-token"));
  assert.notEqual(pushed.code, 0);
  assert.match(pushed.stderr, /remote: Berth refused the API token: it is not valid, has expired or was revoked/);
  assert.match(pushed.stderr, /Authentication failed/);
});

test("an unknown app and another tenant's app are refused alike, as not found", async () => {
  const unknown = await push(remote("main", `no-such-${suffix}`, dev.token));
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, new RegExp(`remote: No app named "no-such-${suffix}" in tenant "main"`));
  assert.match(unknown.stderr, /repository .* not found/);

  const foreign = await push(remote("main", app, stranger.token));
  assert.notEqual(foreign.code, 0);
  assert.match(foreign.stderr, new RegExp(`remote: No app named "${app}" in tenant "main"`));
  const clone = await run(["ls-remote", remote("main", app, stranger.token)]);
  assert.notEqual(clone.code, 0, "not even readable");
});

test("a viewer may not push: 403 with the role it needs", async () => {
  const pushed = await push(remote("main", app, viewer.token));
  assert.notEqual(pushed.code, 0);
  assert.match(pushed.stderr, /remote: Your role in "main" \(viewer\) cannot do this; it needs developer or above/);
});

test("a push to main builds, deploys and streams every step, ending with the URL", async () => {
  const pushed = await push(remote("main", app, dev.token));
  assert.equal(pushed.code, 0, pushed.stderr);
  const host = `${app}.main.${config.baseDomain}`;
  assert.match(pushed.stderr, /remote: -----> Packing [0-9a-f]{7}/);
  for (const step of [/remote: .*Building/, /remote: .*Pushing/, /remote: .*Releasing v1/, /remote: .*Deploying v1/]) assert.match(pushed.stderr, step);
  assert.match(pushed.stderr, new RegExp(`remote: Release v1 is live at http://${host.replaceAll(".", "\\.")}`));
  assert.match(pushed.stderr, /\* \[new branch\]\s+main -> main/);
  const res = await getThroughRouter(host);
  assert.equal(res.status, 200);
  assert.match(res.body, new RegExp(`pushed ${suffix}`));

  const repo = path.join(config.dataDir, "git", "main", `${app}.git`);
  const denied = await run(["--git-dir", repo, "config", "--get", "receive.denyNonFastForwards"]);
  assert.equal(denied.stdout.trim(), "true");
  const forced = await run(["-c", "credential.helper=", "push", "--force", remote("main", app, dev.token), "HEAD~0:refs/heads/other"]);
  assert.equal(forced.code, 0, "other branches are stored");
  assert.match(forced.stderr, /refs\/heads\/other: stored, not deployed/);
});

test("a push whose build fails is rejected with the reason; the previous release keeps serving", async () => {
  writeFileSync(path.join(work, "Dockerfile"), `FROM ${config.baseImages.static}\nRUN echo "about to fail ${suffix}" && exit 3\n`);
  await run(["add", "--all"]);
  await run(["commit", "--quiet", "--message", "broken"]);
  const pushed = await push(remote("main", app, dev.token));
  assert.notEqual(pushed.code, 0);
  assert.match(pushed.stderr, new RegExp(`remote: .*about to fail ${suffix}`), "the build output reached the pusher");
  assert.match(pushed.stderr, /remote: ! Deploy failed: /);
  assert.match(pushed.stderr, /remote: ! The previous release is still serving\./);
  assert.match(pushed.stderr, /pre-receive hook declined/);
  const res = await getThroughRouter(`${app}.main.${config.baseDomain}`);
  assert.match(res.body, new RegExp(`pushed ${suffix}`));
});
