import assert from "node:assert/strict";
import { after, test } from "node:test";
import { changePassword } from "../src/auth/change-password";
import { resolveSession } from "../src/auth/sessions";
import { signIn } from "../src/auth/sign-in";
import { SignInThrottle } from "../src/auth/sign-in-throttle";
import { signOutEverywhere } from "../src/auth/sign-out-everywhere";
import { signUp } from "../src/auth/sign-up";
import { AppError } from "../src/errors/app-error";
import { deleteUsers, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const emails: string[] = [];
after(async () => {
  await deleteUsers(db, emails);
  await db.$disconnect();
});

const PASSWORD = "correct horse battery";
const isCode = (code: string) => (e: unknown) => AppError.is(e) && e.code === code;

function email(label: string): string {
  const e = uniqueEmail(label);
  emails.push(e);
  return e;
}

test("sign-up creates a signed-in account; on an installation with users it is not a platform admin", async () => {
  const address = email("signup");
  const result = await signUp(db, { email: `  ${address.toUpperCase()} `, password: PASSWORD, name: " Ada " });
  assert.equal(result.user.email, address, "stored in the normalised form");
  assert.equal(result.user.name, "Ada");
  assert.equal(result.user.isPlatformAdmin, false);
  assert.equal((await resolveSession(db, result.token))?.user.id, result.user.id);
  const row = await db.user.findUniqueOrThrow({ where: { id: result.user.id } });
  assert.equal(row.passwordHash.includes(PASSWORD), false);
  assert.ok(await signIn(db, { email: address, password: PASSWORD }, new SignInThrottle()));
});

test("a duplicate email, a short password and a malformed or oversized email are refused in plain words", async () => {
  const address = email("dup");
  await signUp(db, { email: address, password: PASSWORD });
  await assert.rejects(signUp(db, { email: address.toUpperCase(), password: PASSWORD }), (e) => isCode("CONFLICT")(e) && /already exists/.test((e as AppError).userMessage));
  await assert.rejects(signUp(db, { email: email("short"), password: "123456789" }), (e) => isCode("INVALID_INPUT")(e) && /at least 10/.test((e as AppError).userMessage));
  await assert.rejects(signUp(db, { email: "not-an-address", password: PASSWORD }), (e) => isCode("INVALID_INPUT")(e) && /not an email/.test((e as AppError).userMessage));
  await assert.rejects(signUp(db, { email: `${"a".repeat(330)}@x.test`, password: PASSWORD }), (e) => isCode("INVALID_INPUT")(e) && /too long/.test((e as AppError).userMessage));
  await assert.rejects(signUp(db, { email: email("long"), password: "x".repeat(2000) }), isCode("INVALID_INPUT"));
});

test("the first user of an empty installation becomes platform admin (checked in a rolled-back transaction)", async () => {
  const rollback = new Error("rollback");
  await assert.rejects(
    db.$transaction(async (tx) => {
      await tx.user.deleteMany({});
      const first = await signUp(tx, { email: uniqueEmail("first"), password: PASSWORD });
      const second = await signUp(tx, { email: uniqueEmail("second"), password: PASSWORD });
      assert.equal(first.user.isPlatformAdmin, true);
      assert.equal(second.user.isPlatformAdmin, false);
      throw rollback;
    }),
    (e) => e === rollback,
  );
  assert.ok((await db.user.count()) > 0, "the rollback kept every account");
});

test("change password needs the current one, keeps this session and ends the others", async () => {
  const address = email("chpw");
  const { user, token: here } = await signUp(db, { email: address, password: PASSWORD });
  const throttle = new SignInThrottle();
  const elsewhere = await signIn(db, { email: address, password: PASSWORD }, throttle);

  await assert.rejects(changePassword(db, { userId: user.id, currentPassword: "wrong password!", newPassword: "another long one" }, throttle), (e) =>
    isCode("FORBIDDEN")(e) && /current password is not correct/.test((e as AppError).userMessage),
  );
  await assert.rejects(changePassword(db, { userId: user.id, currentPassword: PASSWORD, newPassword: "short" }, throttle), isCode("INVALID_INPUT"));

  const changed = await changePassword(db, { userId: user.id, currentPassword: PASSWORD, newPassword: "another long one", keepSessionToken: here }, throttle);
  assert.equal(changed.sessionsEnded, 1);
  assert.ok(await resolveSession(db, here), "the session that changed it stays");
  assert.equal(await resolveSession(db, elsewhere.token), null, "other sessions end");
  await assert.rejects(signIn(db, { email: address, password: PASSWORD }, throttle), isCode("UNAUTHORIZED"));
  assert.ok(await signIn(db, { email: address, password: "another long one" }, throttle));
});

test("repeated wrong current passwords are slowed down like sign-ins", async () => {
  const { user } = await signUp(db, { email: email("chpw-throttle"), password: PASSWORD });
  const throttle = new SignInThrottle();
  for (let i = 0; i < 5; i++) {
    await assert.rejects(changePassword(db, { userId: user.id, currentPassword: `wrong-${i}-guess`, newPassword: "another long one" }, throttle));
  }
  await assert.rejects(changePassword(db, { userId: user.id, currentPassword: PASSWORD, newPassword: "another long one" }, throttle), isCode("RATE_LIMITED"));
});

test("sign out everywhere ends every session of the user and no one else's", async () => {
  const a = await signUp(db, { email: email("everywhere"), password: PASSWORD });
  const b = await signUp(db, { email: email("bystander"), password: PASSWORD });
  const second = await signIn(db, { email: a.user.email, password: PASSWORD }, new SignInThrottle());
  assert.equal((await signOutEverywhere(db, { userId: a.user.id })).sessionsEnded, 2);
  assert.equal(await resolveSession(db, a.token), null);
  assert.equal(await resolveSession(db, second.token), null);
  assert.ok(await resolveSession(db, b.token));
});
