import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { destroyApp } from "@berth/core/apps/destroy-app";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import { createDb } from "@berth/db/client";
import { runProgram } from "../src/run-program";
import { BERTH_BIN } from "./support/run-berth";

// The real `berth` binary against the running console (:3000); deploys go through the real engine.
const config = loadConfig();
const db = createDb(config.postgres.url);
const home = mkdtempSync(path.join(os.tmpdir(), "berth-cli-home-"));
const repo = mkdtempSync(path.join(os.tmpdir(), "berth-cli-repo-"));
const suffix = randomBytes(3).toString("hex");
const app = `cli-test-${suffix}`;
const emails: string[] = [];
const otherTenant = `cli-other-${suffix}`;
let admin: { userId: string; token: string };
let stranger: { userId: string; token: string };

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const { BERTH_API_URL: _a, BERTH_TOKEN: _t, BERTH_TENANT: _n, ...rest } = process.env;
  return {
    ...rest,
    XDG_CONFIG_HOME: home,
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "T",
    GIT_AUTHOR_EMAIL: "t@berth.test",
    GIT_COMMITTER_NAME: "T",
    GIT_COMMITTER_EMAIL: "t@berth.test",
    ...extra,
  };
};

const run = (cmd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}, input?: string) => runProgram(cmd, args, { cwd: repo, env: env(extraEnv), input });
const berth = (args: string[], extraEnv?: NodeJS.ProcessEnv) => run(BERTH_BIN, args, extraEnv);
const git = (args: string[], input?: string) => run("git", args, {}, input);

function body(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: config.router.port, path: "/", headers: { Host: host }, agent: false }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end();
  });
}

async function member(tenant: string, role: "admin" | "developer") {
  const email = `cli-${randomBytes(5).toString("hex")}@cli-tests.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true } });
  const { tenantId } = await ensureTenant(db, { name: tenant });
  await ensureMembership(db, { tenantId, userId: user.id, role });
  return { userId: user.id, token: (await createApiToken(db, { userId: user.id, name: "cli test" })).token };
}

before(async () => {
  admin = await member("main", "admin");
  stranger = await member(otherTenant, "developer");
});

after(async () => {
  await destroyApp({ db, config }, { userId: admin.userId, tenant: "main", app }).catch(() => undefined);
  await db.tenant.deleteMany({ where: { name: otherTenant } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.$disconnect();
  rmSync(home, { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
});

test("login checks the token and writes the config file with mode 600", async () => {
  const bad = await berth(["login", "--api-url", config.web.publicUrl, "--token", "berth_nope"]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^berth: .*refused the token/);
  const ok = await berth(["login", "--api-url", `${config.web.publicUrl}/`, "--token", admin.token]);
  assert.equal(ok.code, 0, ok.stderr);
  const file = path.join(home, "berth", "config.json");
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { apiUrl: config.web.publicUrl, token: admin.token, tenant: "main" });
});

test("apps:create prints both URLs; apps and apps:info --json show the app; errors are one line", async () => {
  const created = await berth(["apps:create", app]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, new RegExp(`/git/main/${app}\\.git`));
  assert.match(created.stdout, new RegExp(`http://${app}\\.main\\.`));
  const again = await berth(["apps:create", app]);
  assert.equal(again.code, 1);
  assert.equal(again.stderr, `berth: An app named "${app}" already exists in "main". Pick another name.\n`);
  const bad = await berth(["apps:create", "Bad_Name"]);
  assert.match(bad.stderr, /^berth: "Bad_Name" is not a valid app name/);

  const list = JSON.parse((await berth(["apps", "--json"])).stdout) as Array<{ name: string }>;
  assert.ok(list.some((a) => a.name === app));
  const info = JSON.parse((await berth(["apps:info", app, "--json"])).stdout);
  assert.equal(info.gitUrl, `${config.web.publicUrl}/git/main/${app}.git`);
  assert.equal(info.currentRelease, null);

  // A member of another tenant, through flags and environment instead of the file.
  const foreign = await berth(["apps:info", app, "--token", stranger.token]);
  assert.equal(foreign.code, 1);
  assert.equal(foreign.stderr, `berth: No app named "${app}" in tenant "main".\n`);
  const foreignEnv = await berth(["config", app], { BERTH_TOKEN: stranger.token });
  assert.equal(foreignEnv.code, 1);
  assert.match(foreignEnv.stderr, /No app named/);
});

test("git:remote sets the remote and a credential helper; the token stays out of .git/config", async () => {
  await git(["init", "--quiet", "--initial-branch=main"]);
  const linked = await berth(["git:remote", app]);
  assert.equal(linked.code, 0, linked.stderr);
  const gitUrl = `${config.web.publicUrl}/git/main/${app}.git`;
  assert.equal((await git(["remote", "get-url", "berth"])).stdout.trim(), gitUrl);
  assert.equal(readFileSync(path.join(repo, ".git", "config"), "utf8").includes(admin.token), false);
  const url = new URL(gitUrl);
  const filled = await git(["credential", "fill"], `protocol=${url.protocol.slice(0, -1)}\nhost=${url.host}\npath=${url.pathname.slice(1)}\n\n`);
  assert.match(filled.stdout, /^username=berth$/m);
  assert.match(filled.stdout, new RegExp(`^password=${admin.token}$`, "m"));
  assert.equal((await berth(["git:remote", app])).code, 0, "running it again repoints the remote");
});

test("config before the first release is stored; PORT is refused; rollback of a missing version fails", async () => {
  const set = await berth(["config:set", app, "GREETING=hi there", "EMPTY="]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stderr, /no release yet/);
  assert.deepEqual(JSON.parse((await berth(["config", app, "--json"])).stdout), { EMPTY: "", GREETING: "hi there" });
  const port = await berth(["config:set", app, "PORT=80"]);
  assert.equal(port.code, 1);
  assert.equal(port.stderr, "berth: PORT is reserved: Berth sets it for the app.\n");
  assert.equal((await berth(["config:unset", app, "EMPTY", "GREETING"])).code, 0);
  assert.deepEqual(JSON.parse((await berth(["releases", app, "--json"])).stdout), []);
  const back = await berth(["rollback", app, "v1"]);
  assert.equal(back.code, 1);
  assert.match(back.stderr, /has no release v1/);
  assert.equal((await berth(["rollback", app, "one"])).code, 2);
});

test("push without a password prompt, then config:set and rollback follow their deployments until live", async () => {
  writeFileSync(path.join(repo, "index.html"), `<h1>cli ${suffix}</h1>\n`);
  await git(["add", "--all"]);
  await git(["commit", "--quiet", "--message", "one"]);
  const pushed = await git(["push", "berth", "main"]);
  assert.equal(pushed.code, 0, pushed.stderr);
  assert.match(pushed.stderr, /remote: Release v1 is live at http:/);
  assert.match(await body(`${app}.main.${config.baseDomain}`), new RegExp(`cli ${suffix}`));

  const set = await berth(["config:set", app, "GREETING=hi"]);
  assert.equal(set.code, 0, set.stderr);
  assert.match(set.stderr, /-----> Set GREETING/);
  assert.match(set.stderr, /Release v2 is live at http:/);
  const back = await berth(["rollback", app, "v1"]);
  assert.equal(back.code, 0, back.stderr);
  assert.match(back.stderr, /Release v3 is live at http:/);

  const releases = JSON.parse((await berth(["releases", app, "--json"])).stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(releases.map((r) => [r.version, r.kind, r.status, r.current]), [
    [3, "rollback", "live", true],
    [2, "config", "superseded", false],
    [1, "build", "superseded", false],
  ]);
  assert.equal(releases[0]?.imageDigest, releases[2]?.imageDigest);
  assert.equal(releases[0]?.createdBy, emails[0]);
  const table = await berth(["releases", app]);
  assert.match(table.stdout, /\*v3\s+live\s+rollback/);
  const info = JSON.parse((await berth(["apps:info", app, "--json"])).stdout);
  assert.equal(info.currentRelease.version, 3);
});

test("apps:destroy wants the name confirmed", async () => {
  const unconfirmed = await berth(["apps:destroy", app]);
  assert.equal(unconfirmed.code, 2);
  const destroyed = await berth(["apps:destroy", app, "--confirm", app]);
  assert.equal(destroyed.code, 0, destroyed.stderr);
  assert.equal((await berth(["apps:info", app])).code, 1);
});
