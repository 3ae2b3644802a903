import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "../src/util/repo";

const SECRETS = { BERTH_PG_PASSWORD: "pw", BERTH_ADMIN_PASSWORD: "admin", BERTH_SESSION_SECRET: "secret" };

function composeConfig(env: NodeJS.ProcessEnv) {
  return spawnSync("docker-compose", ["--file", path.join(REPO_ROOT, "docker-compose.yml"), "config"], { cwd: REPO_ROOT, env, encoding: "utf8" });
}

test("docker-compose.yml is valid and describes the platform's services", () => {
  const result = composeConfig({ ...process.env, ...SECRETS });
  assert.equal(result.status, 0, result.stderr);
  for (const service of ["postgres", "redis", "registry", "web", "worker"]) {
    assert.match(result.stdout, new RegExp(`^  ${service}:$`, "m"), `service ${service} is defined`);
  }
  assert.match(result.stdout, /noeviction/);
});

test("docker-compose.yml refuses to run without its secrets instead of using a default password", () => {
  const env = { ...process.env, ...SECRETS } as NodeJS.ProcessEnv;
  delete env.BERTH_PG_PASSWORD;
  const result = composeConfig(env);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /BERTH_PG_PASSWORD/);
});
