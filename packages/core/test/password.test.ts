import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, verifyPassword } from "../src/auth/password";

test("a hash verifies its own password and no other", async () => {
  const hash = await hashPassword("correct horse battery staple");
  assert.match(hash, /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.equal(await verifyPassword("correct horse battery staple", hash), true);
  assert.equal(await verifyPassword("correct horse battery stapl", hash), false);
  assert.equal(await verifyPassword("", hash), false);
});

test("the same password hashes differently each time (random salt)", async () => {
  const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword("same", a), true);
  assert.equal(await verifyPassword("same", b), true);
});

test("malformed or foreign hashes do not verify and do not throw", async () => {
  for (const bad of ["", "plain", "scrypt$x$8$1$AAAA$AAAA", "bcrypt$2b$10$abc", "scrypt$16384$8$1$$"]) {
    assert.equal(await verifyPassword("anything", bad), false, bad);
  }
});

test("unicode passwords are normalised, so the same visible text verifies", async () => {
  const composed = "caf\u00e9";
  const decomposed = "cafe\u0301";
  assert.equal(await verifyPassword(decomposed, await hashPassword(composed)), true);
});
