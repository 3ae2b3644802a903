import assert from "node:assert/strict";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { AppError } from "../src/errors/app-error";
import { acceptInvitation } from "../src/invitations/accept-invitation";
import { createInvitation } from "../src/invitations/create-invitation";
import { getInvitation } from "../src/invitations/get-invitation";
import { hashInvitationToken } from "../src/invitations/invitation-token";
import { createTenant } from "../src/tenants/create-tenant";
import { Fixtures, openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
const fixtures = new Fixtures(db, "inv");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

const isCode = (code: string, text?: RegExp) => (e: unknown) => AppError.is(e) && e.code === code && (!text || text.test(e.userMessage));

const makeUser = (label: string) => fixtures.user(label);

async function tenantOf(ownerId: string): Promise<string> {
  const name = fixtures.tenantName();
  await createTenant(db, { userId: ownerId, name });
  return name;
}

const tokenOf = (url: string) => url.split("/invite/")[1] ?? "";

test("an invitation link is shown once, stored hashed, and lets one person join with its role", async () => {
  const owner = await makeUser("owner");
  const tenant = await tenantOf(owner.id);
  const guest = await makeUser("guest");
  const invite = await createInvitation({ db, config }, { userId: owner.id, tenant, email: guest.email.toUpperCase(), role: "viewer" });
  assert.ok(invite.url.startsWith(`${config.web.publicUrl.replace(/\/+$/, "")}/invite/`));
  const token = tokenOf(invite.url);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const row = await db.invitation.findUniqueOrThrow({ where: { id: invite.id } });
  assert.equal(row.tokenHash, hashInvitationToken(token));
  assert.equal(JSON.stringify(row).includes(token), false);
  assert.equal(row.email, guest.email);
  const days = (row.expiresAt.getTime() - Date.now()) / 86_400_000;
  assert.ok(days > 6.9 && days <= 7, `expires in 7 days (${days})`);

  assert.deepEqual(await getInvitation(db, { token }), { tenant, role: "viewer", email: guest.email, state: "open", expiresAt: row.expiresAt });
  assert.deepEqual(await acceptInvitation(db, { userId: guest.id, token }), { tenant, role: "viewer" });
  assert.equal((await db.membership.findFirstOrThrow({ where: { userId: guest.id, tenant: { name: tenant } } })).role, "viewer");

  const late = await makeUser("late");
  await assert.rejects(acceptInvitation(db, { userId: late.id, token }), isCode("CONFLICT", /already been used/));
  assert.equal((await getInvitation(db, { token }))?.state, "accepted");
  assert.equal(await db.membership.count({ where: { userId: late.id } }), 0);
});

test("two people racing on one link: exactly one joins", async () => {
  const owner = await makeUser("owner");
  const tenant = await tenantOf(owner.id);
  const token = tokenOf((await createInvitation({ db, config }, { userId: owner.id, tenant, email: "race@example.test", role: "developer" })).url);
  const [a, b] = [await makeUser("racer-a"), await makeUser("racer-b")];
  const results = await Promise.allSettled([acceptInvitation(db, { userId: a.id, token }), acceptInvitation(db, { userId: b.id, token })]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.membership.count({ where: { tenant: { name: tenant }, userId: { in: [a.id, b.id] } } }), 1);
});

test("expired and unknown links are refused in plain words", async () => {
  const owner = await makeUser("owner");
  const tenant = await tenantOf(owner.id);
  const invite = await createInvitation({ db, config }, { userId: owner.id, tenant, email: "old@example.test", role: "viewer" });
  await db.invitation.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const guest = await makeUser("guest");
  await assert.rejects(acceptInvitation(db, { userId: guest.id, token: tokenOf(invite.url) }), isCode("CONFLICT", /expired/));
  assert.equal((await getInvitation(db, { token: tokenOf(invite.url) }))?.state, "expired");
  await assert.rejects(acceptInvitation(db, { userId: guest.id, token: "nope" }), isCode("NOT_FOUND", /not valid/));
  assert.equal(await getInvitation(db, { token: "nope" }), null);
});

test("inviting a member again is refused; an invitation never lowers an existing role; bad emails are refused", async () => {
  const owner = await makeUser("owner");
  const tenant = await tenantOf(owner.id);
  await assert.rejects(createInvitation({ db, config }, { userId: owner.id, tenant, email: owner.email, role: "viewer" }), isCode("CONFLICT", /already a member/));
  await assert.rejects(createInvitation({ db, config }, { userId: owner.id, tenant, email: "nope", role: "viewer" }), isCode("INVALID_INPUT"));
  const token = tokenOf((await createInvitation({ db, config }, { userId: owner.id, tenant, email: "someone@example.test", role: "viewer" })).url);
  assert.deepEqual(await acceptInvitation(db, { userId: owner.id, token }), { tenant, role: "owner" });
});
