import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { ensureBareRepo, preReceiveHookScript } from "../src/bare-repo";
import { findRepoRoot } from "../src/repo-root";

// Repositories created before the hook changed must run the current one from their next request on.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "berth-bare-repo-test-"));
after(() => rmSync(dataDir, { recursive: true, force: true }));

test("an existing repository's outdated hook is replaced by the plain-node one", async () => {
  const repoRoot = findRepoRoot();
  const dir = await ensureBareRepo(dataDir, "t", "web", repoRoot);
  const hook = path.join(dir, "hooks", "pre-receive");
  writeFileSync(hook, "#!/usr/bin/env -S node --import tsx\nimport('/old/pre-receive.ts');\n", { mode: 0o755 });
  await ensureBareRepo(dataDir, "t", "web", repoRoot);
  const installed = readFileSync(hook, "utf8");
  assert.equal(installed, preReceiveHookScript(repoRoot));
  assert.match(installed, /^#!\S+node\n/, "plain node, no tsx loader");
  assert.match(installed, /packages\/git\/hook\/pre-receive\.mjs/);
  assert.equal(statSync(hook).mode & 0o111, 0o111, "executable");
});
