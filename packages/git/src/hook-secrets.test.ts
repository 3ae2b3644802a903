import assert from "node:assert/strict";
import { test } from "node:test";
import { consumeHookSecret, issueHookSecret, type HookBinding } from "./hook-secrets";

const binding = (appId: string): HookBinding => ({
  appId, appName: "web", userId: "u1", tokenId: "t1", clientAddr: null, userAgent: null, sourceArchive: `/tmp/${appId}.tar`,
});

test("a secret gives its own binding once, then never again", () => {
  const a = issueHookSecret(binding("app-a"));
  const b = issueHookSecret(binding("app-b"));
  assert.notEqual(a.secret, b.secret);
  assert.equal(consumeHookSecret(b.secret)?.appId, "app-b");
  assert.equal(consumeHookSecret(a.secret)?.appId, "app-a");
  assert.equal(consumeHookSecret(a.secret), null, "spent");
});

test("missing, unknown and expired secrets give nothing", () => {
  assert.equal(consumeHookSecret(null), null);
  assert.equal(consumeHookSecret(""), null);
  assert.equal(consumeHookSecret("not-issued"), null);
  const issuedAt = Date.now();
  const old = issueHookSecret(binding("app-c"), 1_000, issuedAt);
  assert.equal(consumeHookSecret(old.secret, issuedAt + 1_000), null);
});

test("a revoked secret (the push request ended) gives nothing", () => {
  const issued = issueHookSecret(binding("app-d"));
  issued.revoke();
  assert.equal(consumeHookSecret(issued.secret), null);
});
