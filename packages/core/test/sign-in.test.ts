import assert from "node:assert/strict";
import { after, test } from "node:test";
import { hashPassword } from "../src/auth/password";
import { resolveSession } from "../src/auth/sessions";
import { signIn } from "../src/auth/sign-in";
import { EMAIL_LIMITS, SignInThrottle } from "../src/auth/sign-in-throttle";
import { AppError } from "../src/errors/app-error";
import { deleteUsers, openTestDb, uniqueEmail } from "./helpers";

const db = openTestDb();
const emails: string[] = [];
after(async () => {
  await deleteUsers(db, emails);
  await db.$disconnect();
});

async function makeUser(password: string, isPlatformAdmin = false) {
  const email = uniqueEmail("sign-in");
  emails.push(email);
  await db.user.create({ data: { email, passwordHash: await hashPassword(password), isPlatformAdmin } });
  return email;
}

function isAppError(code: string, userMessage?: RegExp) {
  return (e: unknown) => e instanceof AppError && e.code === code && (!userMessage || userMessage.test(e.userMessage));
}

test("the right password signs in and yields a session token that resolves to the user", async () => {
  const email = await makeUser("s3cret-pass", true);
  const result = await signIn(db, { email: `  ${email.toUpperCase()} `, password: "s3cret-pass", ip: "198.51.100.1", userAgent: "ua" }, new SignInThrottle());
  assert.equal(result.user.email, email);
  assert.equal(result.user.isPlatformAdmin, true);
  assert.equal("passwordHash" in result.user, false, "the hash never leaves the service");
  const session = await resolveSession(db, result.token);
  assert.equal(session?.user.email, email);
});

test("a wrong password and an unknown email fail with the same generic message", async () => {
  const email = await makeUser("right");
  const throttle = new SignInThrottle();
  let wrongPassword: AppError | undefined;
  let unknownEmail: AppError | undefined;
  await signIn(db, { email, password: "wrong" }, throttle).catch((e) => (wrongPassword = e));
  await signIn(db, { email: uniqueEmail("nobody"), password: "right" }, throttle).catch((e) => (unknownEmail = e));
  assert.ok(wrongPassword instanceof AppError && unknownEmail instanceof AppError);
  assert.equal(wrongPassword.code, "UNAUTHORIZED");
  assert.equal(unknownEmail.code, "UNAUTHORIZED");
  assert.equal(wrongPassword.userMessage, unknownEmail.userMessage);
  assert.equal(wrongPassword.userMessage, "The email or password is not correct.");
  assert.equal(await db.session.count({ where: { user: { email } } }), 0);
});

test("repeated failures for one email are slowed down, even with the right password, and the wait grows", async () => {
  const email = await makeUser("right");
  let clock = 1_000_000;
  const throttle = new SignInThrottle(() => clock);
  for (let i = 0; i < EMAIL_LIMITS.freeFailures; i++) {
    await assert.rejects(signIn(db, { email, password: "wrong" }, throttle), isAppError("UNAUTHORIZED"));
  }
  // The failure that crosses the limit is still answered; from then on attempts wait.
  await assert.rejects(signIn(db, { email, password: "wrong" }, throttle), isAppError("UNAUTHORIZED"));
  await assert.rejects(signIn(db, { email, password: "right" }, throttle), isAppError("RATE_LIMITED", /Try again in 2 seconds/));

  clock += 2_000;
  await assert.rejects(signIn(db, { email, password: "wrong" }, throttle), isAppError("UNAUTHORIZED"));
  await assert.rejects(signIn(db, { email, password: "right" }, throttle), isAppError("RATE_LIMITED", /Try again in 4 seconds/));

  clock += 4_000;
  const ok = await signIn(db, { email, password: "right" }, throttle);
  assert.equal(ok.user.email, email);
  // Success clears the account's counter.
  await assert.rejects(signIn(db, { email, password: "wrong" }, throttle), isAppError("UNAUTHORIZED"));
});

test("guessing many accounts from one address slows that address down", async () => {
  const email = await makeUser("right");
  const throttle = new SignInThrottle();
  const ip = "192.0.2.99";
  for (let i = 0; i < 21; i++) {
    await assert.rejects(signIn(db, { email: uniqueEmail("guess"), password: "x", ip }, throttle), isAppError("UNAUTHORIZED"));
  }
  await assert.rejects(signIn(db, { email, password: "right", ip }, throttle), isAppError("RATE_LIMITED"));
  const fromElsewhere = await signIn(db, { email, password: "right", ip: "192.0.2.100" }, throttle);
  assert.equal(fromElsewhere.user.email, email);
});
