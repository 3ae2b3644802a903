import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { connectDocker } from "@berth/docker/engine";
import { goStdlib, monorepo, nodeWithDeps, procfileApp, pythonStdlib, staticPublicSite, undetectable } from "./fixtures/build-apps";
import type { AppFiles } from "./fixtures/apps";
import { GitWorkspace } from "./support/git-workspace";
import { getThroughRouter } from "./support/router";

const config = loadConfig();
const docker = connectDocker(config.docker.socketPath);
const suffix = randomBytes(3).toString("hex");
const tenant = "main";

interface ReleaseRow {
  version: number;
  imageDigest: string;
  status: string;
}

const hostOf = (app: string) => `${app}.${tenant}.${config.baseDomain}`;

/** A working copy linked to a new app; destroyed (app and directory) after the suite. */
const cleanups: Array<() => Promise<void>> = [];
async function newApp(kind: string): Promise<{ work: GitWorkspace; app: string }> {
  const app = `e2e-b${kind}-${suffix}`;
  const work = await new GitWorkspace().init();
  cleanups.push(async () => {
    await work.berth(["apps:destroy", app, "--confirm", app]);
    work.remove();
  });
  const created = await work.berth(["apps:create", app]);
  assert.equal(created.code, 0, created.stderr);
  const remote = await work.berth(["git:remote", app]);
  assert.equal(remote.code, 0, remote.stderr);
  return { work, app };
}

async function pushOk(work: GitWorkspace, files: AppFiles, message: string): Promise<string> {
  await work.commit(files, message);
  const push = await work.git(["push", "berth", "main"]);
  assert.equal(push.code, 0, push.stderr);
  return push.stderr;
}

async function releases(work: GitWorkspace, app: string): Promise<ReleaseRow[]> {
  const listed = await work.berth(["releases", app, "--json"]);
  assert.equal(listed.code, 0, listed.stderr);
  return JSON.parse(listed.stdout) as ReleaseRow[];
}

/** The step number of the first build step whose instruction matches, and whether the engine reused its cached layer. */
function stepCached(output: string, instruction: RegExp): boolean {
  const lines = output.split("\n").map((l) => l.replace(/^remote:\s*/, "").trim());
  const at = lines.findIndex((l) => /^Step \d+\/\d+ : /.test(l) && instruction.test(l));
  assert.ok(at >= 0, `no build step matching ${instruction} in:\n${output}`);
  const next = lines.slice(at + 1).find((l) => l.startsWith("--->") || l.startsWith("Step "));
  return next === "---> Using cache";
}

after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("builds that understand real apps, through git push, the registry, Swarm and the router", () => {
  test("a Node app with dependencies: plan printed first, served; a one-line change reuses the dependency layer; an unchanged tree skips the build", async () => {
    const { work, app } = await newApp("node");
    // Labels unique to this run, so no earlier run left the source layer in the engine's cache.
    const first = await pushOk(work, nodeWithDeps(`first-${suffix}`), "first");
    const planAt = first.indexOf("Build plan: node (package.json found)");
    assert.ok(planAt >= 0, first);
    assert.ok(planAt < first.indexOf("Step 1/"), "the plan comes before the build output");
    assert.match(first, /node\s+18\.\S+ \(asked: >=18, from package\.json engines\.node\)/);
    assert.match((await getThroughRouter(hostOf(app))).body, new RegExp(`^first-${suffix}: an hour is 3600000 ms$`, "m"));

    const warm = await pushOk(work, nodeWithDeps(`second-${suffix}`), "one-line change");
    assert.equal(stepCached(warm, /RUN npm install/), true, "the dependency install came from the layer cache");
    assert.equal(stepCached(warm, /COPY \. \./), false, "the changed source was copied anew");
    assert.match((await getThroughRouter(hostOf(app))).body, new RegExp(`^second-${suffix}: an hour is 3600000 ms$`, "m"));

    await work.git(["commit", "--allow-empty", "--quiet", "--message", "same tree"]);
    const same = await work.git(["push", "berth", "main"]);
    assert.equal(same.code, 0, same.stderr);
    assert.match(same.stderr, /This tree was built before \(v2\): reusing its image, no build/);
    assert.doesNotMatch(same.stderr, /Step 1\//, "nothing was built");
    const [v3, v2] = await releases(work, app);
    assert.equal(v3?.version, 3);
    assert.equal(v3?.imageDigest, v2?.imageDigest, "the same image serves the unchanged tree");
    assert.match((await getThroughRouter(hostOf(app))).body, new RegExp(`^second-${suffix}: `, "m"));
  });

  test("a Procfile app: web and worker processes, and a release command that runs with the config before traffic moves, on pushes and config changes alike; a failing one aborts the deploy", async () => {
    const { work, app } = await newApp("proc");
    // Config set before the first push is the first release's config, the release phase's too.
    const set = await work.berth(["config:set", app, "GREETING=hello-release"]);
    assert.equal(set.code, 0, set.stderr + set.stdout);
    const out = await pushOk(work, procfileApp("procfile v1"), "first");
    assert.match(out, /release\s+node release\.js/, "the plan lists the release command");
    const ran = out.indexOf("release phase ran with GREETING=hello-release");
    assert.ok(ran >= 0, out);
    assert.ok(ran < out.indexOf("-----> Deploying v1"), "the release command ran before the deploy");
    assert.equal((await getThroughRouter(hostOf(app))).body, "procfile v1\n");

    // A config change is a new release too, so the release command runs again, with the new config.
    const changed = await work.berth(["config:set", app, "GREETING=changed-release"]);
    assert.equal(changed.code, 0, changed.stderr + changed.stdout);
    assert.match(changed.stderr, /release phase ran with GREETING=changed-release/);

    // Each process type runs as its own Swarm service of the same image.
    const services = await docker.listServices({ filters: { label: [`org.berth.app=${app}`] } });
    const worker = services.find((s) => s.Spec?.Name?.endsWith("-worker"));
    assert.ok(worker, `a worker service exists among ${services.map((s) => s.Spec?.Name).join(", ")}`);
    const tasks = await docker.listTasks({ filters: { service: [worker.Spec?.Name ?? ""], "desired-state": ["running"] } });
    assert.ok(tasks.length >= 1, "the worker runs");

    // A config change whose release command fails is not deployed (the var is stored: the next
    // push runs with it, and fails the same way).
    const failing = await work.berth(["config:set", app, "RELEASE_EXIT=3"]);
    assert.notEqual(failing.code, 0, "the config release fails in its release phase");
    assert.match(failing.stderr, /release command exited with status 3/);
    assert.equal((await getThroughRouter(hostOf(app))).body, "procfile v1\n", "the old release keeps serving");
    await work.commit({ "web.js": `require("node:http").createServer((q, s) => s.end("procfile v2\\n")).listen(Number(process.env.PORT));\n` }, "second");
    const rejected = await work.git(["push", "berth", "main"]);
    assert.notEqual(rejected.code, 0, "a failing release command rejects the push");
    assert.match(rejected.stderr, /release command exited with status 3/);
    assert.equal((await getThroughRouter(hostOf(app))).body, "procfile v1\n", "the old release keeps serving");
  });

  test("a Python app using only the standard library", async () => {
    const { work, app } = await newApp("py");
    const out = await pushOk(work, pythonStdlib(), "python");
    assert.match(out, /Build plan: python \(requirements\.txt found\)/);
    assert.match(out, /start\s+python main\.py/);
    assert.match((await getThroughRouter(hostOf(app))).body, /^python 3\.\d+ says hi$/m);
  });

  test("a Go app using only the standard library", async () => {
    const { work, app } = await newApp("go");
    const out = await pushOk(work, goStdlib(), "go");
    assert.match(out, /Build plan: go \(go\.mod found\)/);
    assert.match((await getThroughRouter(hostOf(app))).body, /^go go1\.\S+ says hi$/m);
  });

  test("a static site from public/; dotfiles are not served", async () => {
    const { work, app } = await newApp("static");
    const out = await pushOk(work, staticPublicSite("Built static"), "site");
    assert.match(out, /Build plan: static \(public\/index\.html found\)/);
    assert.match((await getThroughRouter(hostOf(app))).body, /<h1>Built static<\/h1>/);
    assert.equal((await getThroughRouter(hostOf(app), 10_000, "/.secret")).status, 404);
  });

  test("build settings override detection: a monorepo's app built from its directory with its own start command", async () => {
    const { work, app } = await newApp("mono");
    const set = await work.berth(["buildpack:set", app, "buildDir=services/api", "startCommand=node main.js --from-setting"]);
    assert.equal(set.code, 0, set.stderr + set.stdout);
    assert.match(set.stdout, /^buildDir=services\/api$/m);
    const shown = await work.berth(["buildpack", app, "--json"]);
    assert.deepEqual(JSON.parse(shown.stdout), { buildDir: "services/api", startCommand: "node main.js --from-setting" });
    const out = await pushOk(work, monorepo(), "monorepo");
    assert.match(out, /directory\s+services\/api/);
    assert.match(out, /settings\s+buildDir=services\/api, startCommand/);
    assert.equal((await getThroughRouter(hostOf(app))).body, "api from services/api, args: --from-setting\n");
  });

  test("a tree Berth cannot build is refused with the files it looked for and how to fix it", async () => {
    const { work } = await newApp("none");
    await work.commit(undetectable(), "nothing to run");
    const push = await work.git(["push", "berth", "main"]);
    assert.notEqual(push.code, 0);
    assert.match(push.stderr, /could not tell how to build this app/);
    assert.match(push.stderr, /package\.json/);
    assert.match(push.stderr, /Files there: README\.md, notes\.txt/);
    assert.match(push.stderr, /buildpack:set/);
  });
});
