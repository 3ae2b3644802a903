import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { readCliConfig } from "@berth/cli/cli-config";
import { loadConfig } from "@berth/config/config";
import { dockerfileApp, failingBuild, nodeGreeter, nodeWithDependency, staticSite } from "./fixtures/apps";
import { GitWorkspace } from "./support/git-workspace";
import { getThroughRouter } from "./support/router";

const config = loadConfig();
const suffix = randomBytes(3).toString("hex");
const tenant = "main";

interface ReleaseRow {
  version: number;
  kind: string;
  imageDigest: string;
  description: string;
  status: string;
}

function hostOf(app: string): string {
  return `${app}.${tenant}.${config.baseDomain}`;
}

async function createAndLink(work: GitWorkspace, app: string): Promise<void> {
  const created = await work.berth(["apps:create", app]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, new RegExp(`/git/${tenant}/${app}\\.git`), "apps:create prints the git URL");
  assert.match(created.stdout, new RegExp(hostOf(app).replaceAll(".", "\\.")), "apps:create prints the web URL");
  const remote = await work.berth(["git:remote", app]);
  assert.equal(remote.code, 0, remote.stderr);
}

async function releases(work: GitWorkspace, app: string): Promise<ReleaseRow[]> {
  const listed = await work.berth(["releases", app, "--json"]);
  assert.equal(listed.code, 0, listed.stderr);
  return JSON.parse(listed.stdout) as ReleaseRow[];
}

describe("git push to a live URL, through the real registry, Swarm and router", () => {
  const node = new GitWorkspace();
  const nodeApp = `e2e-node-${suffix}`;

  before(async () => {
    await node.init();
  });

  after(async () => {
    await node.berth(["apps:destroy", nodeApp, "--confirm", nodeApp]);
    node.remove();
  });

  test("a Node app without a Dockerfile is built, released and served at its URL; the push streams every step", async () => {
    await createAndLink(node, nodeApp);
    await node.commit(nodeGreeter("v-one"), "first version");
    const push = await node.git(["push", "berth", "main"]);
    assert.equal(push.code, 0, push.stderr);
    for (const step of [/building/i, /push/i, /releas/i, /deploy/i, /live/i]) assert.match(push.stderr, step);
    assert.match(push.stderr, new RegExp(`remote: .*http://${hostOf(nodeApp).replaceAll(".", "\\.")}`), "the push ends with the URL");

    const res = await getThroughRouter(hostOf(nodeApp));
    assert.equal(res.status, 200);
    assert.equal(res.body, "v-one (no greeting)\n");

    const info = await node.berth(["apps:info", nodeApp, "--json"]);
    assert.equal(info.code, 0, info.stderr);
    const parsed = JSON.parse(info.stdout) as { gitUrl: string; webUrl: string; currentRelease: { version: number } | null };
    assert.match(parsed.gitUrl, /\.git$/);
    assert.match(parsed.webUrl, new RegExp(hostOf(nodeApp).replaceAll(".", "\\.")));
    assert.equal(parsed.currentRelease?.version, 1);
  });

  test("pushing a change serves the new body", async () => {
    await node.commit(nodeGreeter("v-two"), "second version");
    const push = await node.git(["push", "berth", "main"]);
    assert.equal(push.code, 0, push.stderr);
    assert.equal((await getThroughRouter(hostOf(nodeApp))).body, "v-two (no greeting)\n");
  });

  test("config:set makes a new release without a rebuild, and the app sees the variable", async () => {
    const set = await node.berth(["config:set", nodeApp, "GREETING=hi"]);
    assert.equal(set.code, 0, set.stderr + set.stdout);
    assert.equal((await getThroughRouter(hostOf(nodeApp))).body, "v-two hi\n");
    const [v3, v2] = await releases(node, nodeApp);
    assert.equal(v3?.version, 3);
    assert.equal(v3?.kind, "config");
    assert.equal(v3?.imageDigest, v2?.imageDigest, "the config release reuses the image: nothing was rebuilt");
    assert.match(v3?.description ?? "", /GREETING/);
  });

  test("rollback to v1 makes a new release with v1's image and config, without a rebuild", async () => {
    const back = await node.berth(["rollback", nodeApp, "v1"]);
    assert.equal(back.code, 0, back.stderr + back.stdout);
    assert.equal((await getThroughRouter(hostOf(nodeApp))).body, "v-one (no greeting)\n");
    const list = await releases(node, nodeApp);
    const v4 = list.find((r) => r.version === 4);
    const v1 = list.find((r) => r.version === 1);
    assert.equal(v4?.kind, "rollback");
    assert.equal(v4?.imageDigest, v1?.imageDigest);
    assert.equal(v4?.status, "live");
  });

  test("a push whose build fails is rejected with the reason, and the previous release keeps serving", async () => {
    await node.commit(failingBuild(config), "broken build");
    const push = await node.git(["push", "berth", "main"]);
    assert.notEqual(push.code, 0, "the push is rejected");
    assert.match(push.stderr, /about to fail/, "the build output reached the pusher");
    assert.match(push.stderr, /still serving/i);
    assert.equal((await getThroughRouter(hostOf(nodeApp))).body, "v-one (no greeting)\n");
    // The rejected commit did not move the branch, so the next push starts from the last good one.
    await node.git(["reset", "--hard", "--quiet", "HEAD~1"]);
  });

  test("a force-push that rewrites deployed history is refused", async () => {
    await node.git(["commit", "--amend", "--quiet", "--message", "rewritten history"]);
    const forced = await node.git(["push", "--force", "berth", "main"]);
    assert.notEqual(forced.code, 0, "the rewrite is refused");
    assert.match(forced.stderr, /non-fast-forward/);
    assert.equal((await getThroughRouter(hostOf(nodeApp))).body, "v-one (no greeting)\n");
  });

  test("pushes with a wrong token or to an unknown app are refused with a reason", async () => {
    const url = new URL(config.web.publicUrl);
    const wrongToken = `${url.protocol}//berth:not-a-token@${url.host}/git/${tenant}/${nodeApp}.git`;
    const refused = await node.git(["-c", "credential.helper=", "push", wrongToken, "main"]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /token/i);

    // A valid token (the developer's own, from the CLI's config) for an app that does not exist.
    const token = readCliConfig().token;
    assert.ok(token, "bring-up left the CLI signed in");
    const unknown = `${url.protocol}//berth:${token}@${url.host}/git/${tenant}/no-such-${suffix}.git`;
    const missing = await node.git(["-c", "credential.helper=", "push", unknown, "main"]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /not found|no app|unknown/i);
  });
});

describe("source detection at push time: static sites and Dockerfiles", () => {
  const cases = [
    { app: `e2e-static-${suffix}`, files: staticSite("Static e2e"), expect: /<h1>Static e2e<\/h1>/ },
    { app: `e2e-docker-${suffix}`, files: dockerfileApp(config, "built from a Dockerfile"), expect: /^built from a Dockerfile$/m },
    { app: `e2e-npmdeps-${suffix}`, files: nodeWithDependency(), expect: /^two days are 172800000 ms$/m },
  ];
  for (const { app, files, expect } of cases) {
    test(`${app.split("-")[1]} app is served after a push`, async () => {
      const work = await new GitWorkspace().init();
      try {
        await createAndLink(work, app);
        await work.commit(files, "only version");
        const push = await work.git(["push", "berth", "main"]);
        assert.equal(push.code, 0, push.stderr);
        const res = await getThroughRouter(hostOf(app));
        assert.equal(res.status, 200);
        assert.match(res.body, expect);
      } finally {
        await work.berth(["apps:destroy", app, "--confirm", app]);
        work.remove();
      }
    });
  }
});
