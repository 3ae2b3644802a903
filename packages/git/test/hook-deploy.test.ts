import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createDb } from "@berth/db/client";
import { handleHookDeploy } from "../src/hook-deploy";
import { issueHookSecret, type HookBinding } from "../src/hook-secrets";

// The endpoint a push's pre-receive hook calls back: without the push's one-time secret it does
// nothing. Refusals are checked in-process (where secrets can be issued) and on the running console.
const config = loadConfig();
const db = createDb(config.postgres.url);
after(() => db.$disconnect());

const binding: HookBinding = {
  appId: "no-such-app", appName: "web", userId: "no-such-user", tokenId: null, clientAddr: null, userAgent: null,
  sourceArchive: "/nonexistent/berth-hook-test.tar",
};
const request = (secret?: string, body: unknown = { ref: "refs/heads/main", newSha: "a".repeat(40) }) =>
  new Request("http://127.0.0.1/git-hook/deploy", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(secret === undefined ? {} : { "X-Berth-Hook-Secret": secret }) },
    body: JSON.stringify(body),
  });

test("no secret and a wrong secret: 401 with the reason", async () => {
  for (const secret of [undefined, "", "not-a-secret-this-console-issued"]) {
    const res = await handleHookDeploy(request(secret), { db, config });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /refused the hook's secret: it is missing, unknown, already used or expired/);
  }
});

test("a secret is good for one request: the second is refused, whatever the first was", async () => {
  const { secret } = issueHookSecret(binding);
  const first = await handleHookDeploy(request(secret, { ref: "refs/heads/feature", newSha: "a".repeat(40) }), { db, config });
  assert.equal(first.status, 400);
  assert.match(await first.text(), /Only main or master deploy/);
  const again = await handleHookDeploy(request(secret), { db, config });
  assert.equal(again.status, 401);
});

test("an expired secret is refused", async () => {
  const { secret } = issueHookSecret(binding, 1_000, Date.now() - 2_000);
  const res = await handleHookDeploy(request(secret), { db, config });
  assert.equal(res.status, 401);
});

test("a valid secret still deploys nothing the push did not pack", async () => {
  const { secret } = issueHookSecret(binding);
  const res = await handleHookDeploy(request(secret), { db, config });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /pushed tree was not packed/);
});

test("the running console refuses the endpoint without a secret it issued", async () => {
  for (const secret of [undefined, "forged-secret"]) {
    const res = await fetch(`http://127.0.0.1:${config.web.port}/git-hook/deploy`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(secret ? { "X-Berth-Hook-Secret": secret } : {}) },
      body: JSON.stringify({ ref: "refs/heads/main", newSha: "a".repeat(40) }),
    });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /refused the hook's secret/);
  }
});
