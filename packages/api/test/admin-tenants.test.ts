import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import type { Role } from "@berth/core/tenants/roles";
import { createDb } from "@berth/db/client";
import type { ApiContext } from "../src/context";
import { createCaller } from "../src/root";
import { refusal } from "./support/refusal";

/**
 * Platform admins see every tenant and suspend and resume them; a suspended tenant's members keep
 * reading but every change is refused, with the reason; invitations can be withdrawn. Real database,
 * through the same router and middleware the console and the REST API use.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const run = randomBytes(4).toString("hex");
const emails: string[] = [];
const tenantName = `adm-${run}`;
const otherTenantName = `adm-other-${run}`;
type Caller = ReturnType<typeof createCaller>;
const as = new Map<string, Caller>();
let appName = "";

async function caller(label: string, isPlatformAdmin = false): Promise<{ id: string; caller: Caller }> {
  const email = `adm-${label}-${run}@admin-tests.berth.test`;
  emails.push(email);
  const u = await db.user.create({ data: { email, passwordHash: await hashPassword("pw-not-used"), isPlatformAdmin }, select: { id: true, email: true, name: true, isPlatformAdmin: true } });
  const ctx: ApiContext = {
    db, config, sessionToken: null, user: u, tokenScope: null, tokenId: null, credentialProblem: null,
    ip: "198.51.100.21", userAgent: "admin-tenants-test", sessionCookie: { set: () => undefined, clear: () => undefined },
  };
  return { id: u.id, caller: createCaller(ctx) };
}

before(async () => {
  const { tenantId } = await ensureTenant(db, { name: tenantName });
  for (const role of ["owner", "admin", "developer", "viewer"] as Role[]) {
    const u = await caller(role);
    await ensureMembership(db, { tenantId, userId: u.id, role });
    as.set(role, u.caller);
  }
  const outsider = await caller("outsider");
  const other = await ensureTenant(db, { name: otherTenantName });
  await ensureMembership(db, { tenantId: other.tenantId, userId: outsider.id, role: "owner" });
  as.set("outsider", outsider.caller);
  as.set("platform", (await caller("platform", true)).caller);
  appName = `kept-${run}`;
  await as.get("developer")!.apps.create({ tenant: tenantName, name: appName });
});

after(async () => {
  const ids = (await db.tenant.findMany({ where: { name: { in: [tenantName, otherTenantName] } }, select: { id: true } })).map((t) => t.id);
  await db.auditEvent.deleteMany({ where: { tenantId: { in: ids } } });
  await db.tenant.deleteMany({ where: { id: { in: ids } } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.$disconnect();
});

test("a platform admin lists every tenant with its owners, counts, quota and state", async () => {
  await as.get("platform")!.admin.setTenantQuota({ tenant: tenantName, maxApps: 5 });
  const all = await as.get("platform")!.admin.listTenants();
  const mine = all.find((t) => t.name === tenantName);
  assert.ok(mine, "the tenant is listed although the platform admin is not a member");
  assert.equal(mine.memberCount, 4);
  assert.equal(mine.appCount, 1);
  assert.deepEqual(mine.owners, [`adm-owner-${run}@admin-tests.berth.test`]);
  assert.equal(mine.quota.maxApps, 5);
  assert.equal(mine.suspendedAt, null);
  assert.ok(all.some((t) => t.name === otherTenantName));
});

test("suspension refuses every change with its reason, keeps reads, and resume lifts it", async () => {
  const reason = `unpaid invoice ${run}`;
  const suspended = await as.get("platform")!.admin.suspendTenant({ tenant: tenantName, reason });
  assert.ok(suspended.suspendedAt instanceof Date);

  const dev = as.get("developer")!;
  for (const change of [
    () => dev.apps.create({ tenant: tenantName, name: `blocked-${run}` }),
    () => dev.config.set({ tenant: tenantName, app: appName, set: { GREETING: "hi" } }),
    () => as.get("owner")!.tenants.invite({ tenant: tenantName, email: "late@admin-tests.berth.test", role: "viewer" }),
    () => as.get("owner")!.apps.destroy({ tenant: tenantName, app: appName, confirm: appName }),
  ]) {
    const r = await refusal(change());
    assert.equal(r.code, "FORBIDDEN", r.text);
    assert.match(r.text, /suspended by a platform admin/);
    assert.ok(r.text.includes(reason), r.text);
  }
  assert.equal(await db.app.count({ where: { tenant: { name: tenantName } } }), 1, "nothing was created or destroyed");
  assert.equal(await db.configVar.count({ where: { app: { name: appName, tenant: { name: tenantName } } } }), 0);

  // Reads go on, and members can see why.
  assert.deepEqual((await dev.apps.list({ tenant: tenantName })).map((a) => a.name), [appName]);
  const listed = (await as.get("viewer")!.tenants.list()).find((t) => t.name === tenantName);
  assert.equal(listed?.suspension?.reason, reason);

  // A stranger learns nothing: the usual not-found, no word of a suspension.
  const stranger = await refusal(as.get("outsider")!.apps.create({ tenant: tenantName, name: `x-${run}` }));
  assert.equal(stranger.code, "NOT_FOUND");
  assert.doesNotMatch(stranger.text, /suspend/);

  // Recorded in the tenant's own audit log.
  const events = await as.get("owner")!.audit.list({ tenant: tenantName });
  assert.ok(events.events.some((e) => e.action === "admin.suspendTenant"), JSON.stringify(events.events.map((e) => e.action)));

  await as.get("platform")!.admin.resumeTenant({ tenant: tenantName });
  const created = await dev.apps.create({ tenant: tenantName, name: `after-${run}` });
  assert.equal(created.name, `after-${run}`);
});

test("suspending needs a reason, and an unknown tenant is not found", async () => {
  const blank = await refusal(as.get("platform")!.admin.suspendTenant({ tenant: tenantName, reason: "   " }));
  assert.equal(blank.code, "BAD_REQUEST");
  assert.match(blank.text, /reason/);
  const missing = await refusal(as.get("platform")!.admin.suspendTenant({ tenant: `nope-${run}`, reason: "x" }));
  assert.equal(missing.code, "NOT_FOUND");
});

test("a withdrawn invitation's link stops working; only owners withdraw owner invitations", async () => {
  const owner = as.get("owner")!;
  const invite = await as.get("admin")!.tenants.invite({ tenant: tenantName, email: `joiner-${run}@admin-tests.berth.test`, role: "developer" });
  const token = new URL(invite.url).pathname.split("/").pop()!;
  assert.ok(await as.get("outsider")!.tenants.getInvite({ token }), "the link works before it is withdrawn");
  assert.equal((await owner.tenants.members({ tenant: tenantName })).invitations.length, 1);

  const dev = await refusal(as.get("developer")!.tenants.revokeInvite({ tenant: tenantName, invitationId: invite.id }));
  assert.equal(dev.code, "FORBIDDEN");
  await as.get("admin")!.tenants.revokeInvite({ tenant: tenantName, invitationId: invite.id });
  assert.equal((await owner.tenants.members({ tenant: tenantName })).invitations.length, 0);
  const dead = await refusal(as.get("outsider")!.tenants.acceptInvite({ token }));
  assert.equal(dead.code, "NOT_FOUND", dead.text);
  const again = await refusal(as.get("admin")!.tenants.revokeInvite({ tenant: tenantName, invitationId: invite.id }));
  assert.equal(again.code, "NOT_FOUND");

  const ownerInvite = await owner.tenants.invite({ tenant: tenantName, email: `co-owner-${run}@admin-tests.berth.test`, role: "owner" });
  const byAdmin = await refusal(as.get("admin")!.tenants.revokeInvite({ tenant: tenantName, invitationId: ownerInvite.id }));
  assert.equal(byAdmin.code, "FORBIDDEN");
  assert.match(byAdmin.text, /Only an owner/);
  await owner.tenants.revokeInvite({ tenant: tenantName, invitationId: ownerInvite.id });
});
