import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { createApp } from "../src/apps/create-app";
import { setConfig } from "../src/config-vars/set-config";
import { AppError } from "../src/errors/app-error";
import { createInvitation } from "../src/invitations/create-invitation";
import { changeRole } from "../src/tenants/change-role";
import { createTenant } from "../src/tenants/create-tenant";
import { deleteTenant } from "../src/tenants/delete-tenant";
import { listMembers } from "../src/tenants/list-members";
import { listTenants } from "../src/tenants/list-tenants";
import { removeMember } from "../src/tenants/remove-member";
import type { Role } from "../src/tenants/roles";
import { Fixtures, openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
const fixtures = new Fixtures(db, "tr");
after(async () => {
  await fixtures.cleanUp();
  await db.$disconnect();
});

const isCode = (code: string, text?: RegExp) => (e: unknown) => AppError.is(e) && e.code === code && (!text || text.test(e.userMessage));
const makeUser = (label = "member") => fixtures.user(label);
const tenantName = () => fixtures.tenantName();

/** A tenant with an owner and one member of each other role. */
async function team() {
  const owner = await makeUser("owner");
  const name = tenantName();
  const { id } = await createTenant(db, { userId: owner.id, name });
  const members = { owner } as Record<Role, { id: string; email: string }>;
  for (const role of ["admin", "developer", "viewer"] as const) {
    members[role] = await makeUser(role);
    await db.membership.create({ data: { tenantId: id, userId: members[role].id, role } });
  }
  return { name, id, members };
}

test("creating a tenant makes the creator its owner; names are DNS labels and unique", async () => {
  const user = await makeUser("creator");
  const name = tenantName();
  await createTenant(db, { userId: user.id, name });
  assert.deepEqual((await listTenants(db, { userId: user.id })).map((t) => [t.name, t.role, t.memberCount]), [[name, "owner", 1]]);
  await assert.rejects(createTenant(db, { userId: user.id, name }), isCode("CONFLICT", /taken/));
  await assert.rejects(createTenant(db, { userId: user.id, name: "Bad_Name" }), isCode("INVALID_INPUT", /not a valid tenant name/));
  await assert.rejects(createTenant(db, { userId: user.id, name: "a".repeat(31) }), isCode("INVALID_INPUT", /at most 30/));
  await assert.rejects(createTenant(db, { userId: user.id, name: "-edge" }), isCode("INVALID_INPUT"));
});

test("members are listed for every role; pending invitations only for admins and owners; outsiders see nothing", async () => {
  const { name, members } = await team();
  await createInvitation({ db, config }, { userId: members.admin.id, tenant: name, email: "someone@example.test", role: "viewer" });
  const asViewer = await listMembers(db, { userId: members.viewer.id, tenant: name });
  assert.equal(asViewer.members.length, 4);
  assert.equal(asViewer.myRole, "viewer");
  assert.deepEqual(asViewer.invitations, []);
  assert.equal((await listMembers(db, { userId: members.owner.id, tenant: name })).invitations.length, 1);
  const outsider = await makeUser("outsider");
  await assert.rejects(listMembers(db, { userId: outsider.id, tenant: name }), isCode("NOT_FOUND"));
});

test("viewers read; developers create apps and change config; neither manages members", async () => {
  const { name, members } = await team();
  const app = `app-${randomBytes(3).toString("hex")}`;
  await assert.rejects(createApp({ db, config }, { userId: members.viewer.id, tenant: name, name: app }), isCode("FORBIDDEN", /viewer/));
  await createApp({ db, config }, { userId: members.developer.id, tenant: name, name: app });
  await assert.rejects(setConfig({ db, config }, { userId: members.viewer.id, tenant: name, app, set: { A: "1" }, unset: [] }), isCode("FORBIDDEN"));
  await setConfig({ db, config }, { userId: members.developer.id, tenant: name, app, set: { A: "1" }, unset: [] });

  for (const role of ["developer", "viewer"] as const) {
    const actor = members[role].id;
    await assert.rejects(createInvitation({ db, config }, { userId: actor, tenant: name, email: "x@example.test", role: "viewer" }), isCode("FORBIDDEN", /needs admin/));
    await assert.rejects(changeRole(db, { userId: actor, tenant: name, memberId: members.viewer.id, role: "developer" }), isCode("FORBIDDEN"));
    await assert.rejects(removeMember(db, { userId: actor, tenant: name, memberId: members.admin.id }), isCode("FORBIDDEN"));
    await assert.rejects(deleteTenant(db, { userId: actor, tenant: name }), isCode("FORBIDDEN"));
  }
  await db.app.deleteMany({ where: { tenant: { name } } });
});

test("admins manage members but cannot touch owners; only owners grant owner", async () => {
  const { name, members } = await team();
  const admin = members.admin.id;
  assert.deepEqual(await changeRole(db, { userId: admin, tenant: name, memberId: members.viewer.id, role: "developer" }), { role: "developer" });
  await assert.rejects(changeRole(db, { userId: admin, tenant: name, memberId: members.viewer.id, role: "owner" }), isCode("FORBIDDEN", /Only an owner/));
  await assert.rejects(changeRole(db, { userId: admin, tenant: name, memberId: members.owner.id, role: "viewer" }), isCode("FORBIDDEN", /Only an owner/));
  await assert.rejects(removeMember(db, { userId: admin, tenant: name, memberId: members.owner.id }), isCode("FORBIDDEN", /Only an owner/));
  await assert.rejects(createInvitation({ db, config }, { userId: admin, tenant: name, email: "boss@example.test", role: "owner" }), isCode("FORBIDDEN"));
  await assert.rejects(deleteTenant(db, { userId: admin, tenant: name }), isCode("FORBIDDEN", /needs owner/));
  await removeMember(db, { userId: admin, tenant: name, memberId: members.viewer.id });
  assert.equal((await listMembers(db, { userId: admin, tenant: name })).members.length, 3);
  await assert.rejects(removeMember(db, { userId: admin, tenant: name, memberId: members.viewer.id }), isCode("NOT_FOUND"));

  await changeRole(db, { userId: members.owner.id, tenant: name, memberId: members.developer.id, role: "owner" });
  assert.equal((await db.membership.count({ where: { tenant: { name }, role: "owner" } })), 2);
});

test("the last owner cannot be demoted or removed, not even by leaving", async () => {
  const { name, members } = await team();
  const owner = members.owner.id;
  await assert.rejects(changeRole(db, { userId: owner, tenant: name, memberId: owner, role: "admin" }), isCode("CONFLICT", /at least one owner/));
  await assert.rejects(removeMember(db, { userId: owner, tenant: name, memberId: owner }), isCode("CONFLICT", /at least one owner/));
  // Two owners at once trying to step down: the tenant lock lets only one through.
  await changeRole(db, { userId: owner, tenant: name, memberId: members.admin.id, role: "owner" });
  const results = await Promise.allSettled([
    changeRole(db, { userId: owner, tenant: name, memberId: owner, role: "admin" }),
    changeRole(db, { userId: members.admin.id, tenant: name, memberId: members.admin.id, role: "admin" }),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  assert.equal(await db.membership.count({ where: { tenant: { name }, role: "owner" } }), 1);
  // A member may leave.
  await removeMember(db, { userId: members.viewer.id, tenant: name, memberId: members.viewer.id });
});

test("only owners delete a tenant, and not while it has apps", async () => {
  const { name, members } = await team();
  await createApp({ db, config }, { userId: members.developer.id, tenant: name, name: "still-here" });
  await assert.rejects(deleteTenant(db, { userId: members.owner.id, tenant: name }), isCode("CONFLICT", /still-here.*Destroy them first/));
  await db.app.deleteMany({ where: { tenant: { name } } });
  await deleteTenant(db, { userId: members.owner.id, tenant: name });
  assert.equal(await db.tenant.count({ where: { name } }), 0);
  assert.equal(await db.membership.count({ where: { userId: members.viewer.id } }), 0);
});
