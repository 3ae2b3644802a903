import assert from "node:assert/strict";
import { after, test } from "node:test";
import { hashPassword } from "../src/auth/password";
import { hashSessionToken } from "../src/auth/session-token";
import { createSession, resolveSession, revokeSession, SESSION_TTL_MS } from "../src/auth/sessions";
import { deleteUsers, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const emails: string[] = [];
after(async () => {
  await deleteUsers(db, emails);
  await db.$disconnect();
});

async function makeUser() {
  const email = uniqueEmail("session");
  emails.push(email);
  return db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true, email: true } });
}

test("a session stores only the SHA-256 of its token and resolves back to its user", async () => {
  const user = await makeUser();
  const session = await createSession(db, { userId: user.id, ip: "203.0.113.7", userAgent: "test-agent" });

  assert.match(session.token, /^[A-Za-z0-9_-]{43}$/, "32 random bytes, base64url");
  const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
  assert.equal(row.tokenHash, hashSessionToken(session.token));
  assert.notEqual(row.tokenHash, session.token);
  assert.equal(JSON.stringify(row).includes(session.token), false, "the token itself is stored nowhere");
  assert.equal(row.ip, "203.0.113.7");
  const ttl = row.expiresAt.getTime() - row.createdAt.getTime();
  assert.ok(Math.abs(ttl - SESSION_TTL_MS) < 5_000, `expires in 30 days, got ${ttl} ms`);

  const resolved = await resolveSession(db, session.token);
  assert.equal(resolved?.user.id, user.id);
  assert.equal(resolved?.user.email, user.email);
  assert.equal(resolved?.user.isPlatformAdmin, false);
});

test("unknown, revoked and expired tokens resolve to nothing", async () => {
  const user = await makeUser();
  assert.equal(await resolveSession(db, "not-a-token"), null);
  assert.equal(await resolveSession(db, ""), null);

  const revoked = await createSession(db, { userId: user.id });
  await revokeSession(db, revoked.token);
  assert.equal(await resolveSession(db, revoked.token), null);
  await revokeSession(db, revoked.token); // idempotent

  const expired = await createSession(db, { userId: user.id });
  await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.equal(await resolveSession(db, expired.token), null);
  assert.equal(await db.session.count({ where: { id: expired.sessionId } }), 0, "an expired session is removed when seen");
});

test("deleting a user removes their sessions", async () => {
  const user = await makeUser();
  const session = await createSession(db, { userId: user.id });
  await db.user.delete({ where: { id: user.id } });
  assert.equal(await db.session.count({ where: { id: session.sessionId } }), 0);
});
