import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { createApiToken } from "@berth/core/tokens/api-token";
import type { Role } from "@berth/core/tenants/roles";
import { createDb } from "@berth/db/client";
import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../src/context";
import { createCaller } from "../src/root";
import { refusal } from "./support/refusal";
import { allProcedurePaths } from "../src/rest/rest-procedures";
import { removedWhenDone } from "./support/test-rows";

/**
 * Proof of isolation. Every procedure of the API router must have a row in COVERAGE (a procedure
 * without one fails this file). Rows that touch tenant data are called as an owner of another
 * tenant (NOT_FOUND, leaking nothing) and as each role below their minimum (FORBIDDEN, or
 * NOT_FOUND where that is the design). To cover a new procedure, add one row.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
type Caller = ReturnType<typeof createCaller>;

interface Victim {
  tenant: string;
  tenantId: string;
  app: string;
  appId: string;
  deploymentId: string;
  /** A pending invitation (owner role, so only owners may withdraw it). */
  invitationId: string;
  ownerId: string;
  /** A member that admins may manage: the target of role changes and removals. */
  adminId: string;
  tokenId: string;
  /** Strings that belong to the victim and that no refusal may show an outsider. */
  secrets: string[];
}

type Coverage =
  /** Tenant data: refused to outsiders (NOT_FOUND) and to roles below `minRole`. */
  | { kind: "tenant"; minRole: Role; call: (c: Caller, v: Victim) => Promise<unknown>; belowMin?: "FORBIDDEN" | "NOT_FOUND" }
  /** Lists scoped by membership: an outsider gets an answer, and it contains none of the victim's names. */
  | { kind: "scoped-list"; call: (c: Caller, v: Victim) => Promise<unknown> }
  /** The caller's own objects (tokens, account): another user's object is NOT_FOUND. */
  | { kind: "own"; call?: (c: Caller, v: Victim) => Promise<unknown>; why: string }
  /** Platform administration: FORBIDDEN for anyone who is not a platform admin, tenant owners included. */
  | { kind: "platform-admin"; call: (c: Caller, v: Victim) => Promise<unknown> }
  /** No tenant data (sign-in, sign-up, the caller's own session), or guarded by a secret the caller must hold. */
  | { kind: "no-tenant-data"; call?: (c: Caller, v: Victim) => Promise<unknown>; why: string };

const COVERAGE: Record<string, Coverage> = {
  "auth.signUp": { kind: "no-tenant-data", why: "creates a new user and their own tenant" },
  "auth.signIn": { kind: "no-tenant-data", why: "takes credentials, returns the caller's own session" },
  "auth.signOut": { kind: "no-tenant-data", why: "ends the caller's own session" },
  "auth.signOutEverywhere": { kind: "no-tenant-data", why: "ends the caller's own sessions" },
  "auth.changePassword": { kind: "own", why: "changes the caller's own password only" },
  "auth.deleteAccount": { kind: "own", why: "deletes the caller's own account only, after their password" },
  "auth.me": { kind: "own", why: "returns the caller" },
  "platform.getHealth": { kind: "platform-admin", call: (c) => c.platform.getHealth() },

  "apps.create": { kind: "tenant", minRole: "developer", call: (c, v) => c.apps.create({ tenant: v.tenant, name: "intruder" }) },
  "apps.list": { kind: "scoped-list", call: (c, v) => c.apps.list({ tenant: v.tenant }) },
  "apps.info": { kind: "tenant", minRole: "viewer", call: (c, v) => c.apps.info({ tenant: v.tenant, app: v.app }) },
  "apps.destroy": { kind: "tenant", minRole: "admin", call: (c, v) => c.apps.destroy({ tenant: v.tenant, app: v.app, confirm: v.app }) },
  "config.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.config.list({ tenant: v.tenant, app: v.app }) },
  "config.set": { kind: "tenant", minRole: "developer", call: (c, v) => c.config.set({ tenant: v.tenant, app: v.app, set: { X: "1" } }) },
  "builds.settings": { kind: "tenant", minRole: "viewer", call: (c, v) => c.builds.settings({ tenant: v.tenant, app: v.app }) },
  "builds.setSettings": { kind: "tenant", minRole: "developer", call: (c, v) => c.builds.setSettings({ tenant: v.tenant, app: v.app, set: { startCommand: "intruder" } }) },
  "releases.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.releases.list({ tenant: v.tenant, app: v.app }) },
  "releases.rollback": { kind: "tenant", minRole: "developer", call: (c, v) => c.releases.rollback({ tenant: v.tenant, app: v.app, version: 1 }) },
  "deployments.progress": { kind: "tenant", minRole: "viewer", call: (c, v) => c.deployments.progress({ deploymentId: v.deploymentId, afterSeq: 0 }) },
  "deployments.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.deployments.list({ tenant: v.tenant, app: v.app, limit: 10 }) },
  "deployments.cancel": { kind: "tenant", minRole: "developer", call: (c, v) => c.deployments.cancel({ tenant: v.tenant, app: v.app, deploymentId: v.deploymentId }) },
  "processes.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.processes.list({ tenant: v.tenant, app: v.app }) },
  "processes.scale": { kind: "tenant", minRole: "developer", call: (c, v) => c.processes.scale({ tenant: v.tenant, app: v.app, changes: [{ type: "web", quantity: 2 }] }) },
  "processes.restart": { kind: "tenant", minRole: "developer", call: (c, v) => c.processes.restart({ tenant: v.tenant, app: v.app }) },
  "processes.stop": { kind: "tenant", minRole: "developer", call: (c, v) => c.processes.stop({ tenant: v.tenant, app: v.app }) },
  "processes.start": { kind: "tenant", minRole: "developer", call: (c, v) => c.processes.start({ tenant: v.tenant, app: v.app }) },
  "healthChecks.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.healthChecks.list({ tenant: v.tenant, app: v.app }) },
  "healthChecks.set": { kind: "tenant", minRole: "developer", call: (c, v) => c.healthChecks.set({ tenant: v.tenant, app: v.app, type: "web", path: "/intruder" }) },
  "domains.list": { kind: "tenant", minRole: "viewer", call: (c, v) => c.domains.list({ tenant: v.tenant, app: v.app }) },
  "domains.add": { kind: "tenant", minRole: "admin", call: (c, v) => c.domains.add({ tenant: v.tenant, app: v.app, hostname: "intruder.example.com" }) },
  "domains.remove": { kind: "tenant", minRole: "admin", call: (c, v) => c.domains.remove({ tenant: v.tenant, app: v.app, hostname: "intruder.example.com" }) },
  "logs.read": { kind: "tenant", minRole: "viewer", call: (c, v) => c.logs.read({ tenant: v.tenant, app: v.app }) },

  "tenants.create": { kind: "no-tenant-data", why: "creates a tenant the caller owns; a taken name is CONFLICT either way" },
  "tenants.list": { kind: "scoped-list", call: (c) => c.tenants.list() },
  "tenants.members": { kind: "tenant", minRole: "viewer", call: (c, v) => c.tenants.members({ tenant: v.tenant }) },
  "tenants.invite": { kind: "tenant", minRole: "admin", call: (c, v) => c.tenants.invite({ tenant: v.tenant, email: "x@isolation.berth.test", role: "viewer" }) },
  "tenants.getInvite": { kind: "no-tenant-data", call: (c) => c.tenants.getInvite({ token: "not-a-real-invite" }), why: "the secret link is the capability; a wrong one shows nothing" },
  "tenants.revokeInvite": { kind: "tenant", minRole: "owner", /* admins may withdraw other invitations, not one to become owner */ call: (c, v) => c.tenants.revokeInvite({ tenant: v.tenant, invitationId: v.invitationId }) },
  "tenants.acceptInvite": { kind: "no-tenant-data", why: "needs the secret link; a wrong one is NOT_FOUND (tenant tests)" },
  "tenants.changeRole": { kind: "tenant", minRole: "admin", call: (c, v) => c.tenants.changeRole({ tenant: v.tenant, memberId: v.adminId, role: "viewer" }) },
  "tenants.removeMember": { kind: "tenant", minRole: "admin", /* removing someone else; leaving is open to every member */ call: (c, v) => c.tenants.removeMember({ tenant: v.tenant, memberId: v.adminId }) },
  "tenants.delete": { kind: "tenant", minRole: "owner", call: (c, v) => c.tenants.delete({ tenant: v.tenant }) },

  "tokens.create": { kind: "own", why: "makes a token for the caller" },
  "tokens.list": { kind: "own", call: (c) => c.tokens.list(), why: "lists the caller's tokens only" },
  "tokens.revoke": { kind: "own", call: (c, v) => c.tokens.revoke({ id: v.tokenId }), why: "another user's token is NOT_FOUND" },

  "audit.list": { kind: "tenant", minRole: "admin", call: (c, v) => c.audit.list({ tenant: v.tenant }) },
  "admin.getTenantQuota": { kind: "platform-admin", call: (c, v) => c.admin.getTenantQuota({ tenant: v.tenant }) },
  "admin.setTenantQuota": { kind: "platform-admin", call: (c, v) => c.admin.setTenantQuota({ tenant: v.tenant, maxApps: 1 }) },
  "admin.listTenants": { kind: "platform-admin", call: (c) => c.admin.listTenants() },
  "admin.suspendTenant": { kind: "platform-admin", call: (c, v) => c.admin.suspendTenant({ tenant: v.tenant, reason: "isolation test" }) },
  "admin.resumeTenant": { kind: "platform-admin", call: (c, v) => c.admin.resumeTenant({ tenant: v.tenant }) },
  "admin.nodes": { kind: "platform-admin", call: (c) => c.admin.nodes() },
  "admin.queues": { kind: "platform-admin", call: (c) => c.admin.queues() },
  "admin.failedJobs": { kind: "platform-admin", call: (c) => c.admin.failedJobs({ limit: 5 }) },
  "admin.retryJob": { kind: "platform-admin", call: (c) => c.admin.retryJob({ queue: "deploy", id: "no-such-job" }) },
  "admin.registry": { kind: "platform-admin", call: (c) => c.admin.registry() },

  "console.apps": { kind: "tenant", minRole: "viewer", call: (c, v) => c.console.apps({ tenant: v.tenant }) },
  "console.app": { kind: "tenant", minRole: "viewer", call: (c, v) => c.console.app({ tenant: v.tenant, app: v.app }) },
  "console.deployments": { kind: "tenant", minRole: "viewer", call: (c, v) => c.console.deployments({ tenant: v.tenant, app: v.app, limit: 10 }) },
  "console.deployment": { kind: "tenant", minRole: "viewer", call: (c, v) => c.console.deployment({ tenant: v.tenant, app: v.app, deploymentId: v.deploymentId }) },
};

const ROLES: Role[] = ["owner", "admin", "developer", "viewer"];
const { emails, tenants } = removedWhenDone(db);
let victim: Victim;
let outsider: Caller;
const asRole = new Map<Role, Caller>();

async function user(label: string) {
  const email = `iso-${label}-${randomBytes(5).toString("hex")}@isolation.berth.test`;
  emails.push(email);
  return db.user.create({ data: { email, passwordHash: await hashPassword("pw") }, select: { id: true, email: true, name: true, isPlatformAdmin: true } });
}

function callerFor(u: { id: string; email: string; name: string | null; isPlatformAdmin: boolean }): Caller {
  const ctx: ApiContext = {
    db, config, sessionToken: null, user: u, tokenScope: null, tokenId: null, credentialProblem: null,
    ip: "198.51.100.9", userAgent: "isolation-test", sessionCookie: { set: () => undefined, clear: () => undefined },
  };
  return createCaller(ctx);
}

async function newTenant(prefix: string) {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  tenants.push(name);
  return { name, id: (await ensureTenant(db, { name })).tenantId };
}

before(async () => {
  const t = await newTenant("iso-victim");
  const members = new Map<Role, { id: string; email: string; name: string | null; isPlatformAdmin: boolean }>();
  for (const role of ROLES) {
    const u = await user(role);
    await ensureMembership(db, { tenantId: t.id, userId: u.id, role });
    members.set(role, u);
    asRole.set(role, callerFor(u));
  }
  const owner = members.get("owner")!;
  const appName = `hidden-${randomBytes(3).toString("hex")}`;
  const app = await db.app.create({ data: { tenantId: t.id, name: appName, configVars: { create: { key: "SECRET_KEY_NAME", value: "v1:not:real:value" } } } });
  const deployment = await db.deployment.create({ data: { appId: app.id, kind: "config", description: "victim deployment", logLines: { create: { seq: 1, line: "victim log line" } } } });
  const { tokenId } = await createApiToken(db, { userId: owner.id, name: "victim token" });
  const invitation = await db.invitation.create({
    data: { tenantId: t.id, email: "pending-owner@isolation.berth.test", role: "owner", tokenHash: `iso-${randomBytes(16).toString("hex")}`, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  victim = {
    tenant: t.name, tenantId: t.id, app: appName, appId: app.id, deploymentId: deployment.id, invitationId: invitation.id,
    ownerId: owner.id, adminId: members.get("admin")!.id, tokenId,
    secrets: [t.id, app.id, "SECRET_KEY_NAME", "victim log line", "victim deployment", owner.email, members.get("developer")!.email, tokenId],
  };
  const stranger = await user("outsider");
  const own = await newTenant("iso-outsider");
  await ensureMembership(db, { tenantId: own.id, userId: stranger.id, role: "owner" });
  outsider = callerFor(stranger);
});

function assertLeaksNothing(text: string, path: string) {
  for (const s of victim.secrets) assert.ok(!text.includes(s), `${path}: the refusal shows "${s}": ${text}`);
}

test("every procedure of the API router has a row in the coverage table (and no row is stale)", () => {
  const paths = allProcedurePaths();
  const missing = paths.filter((p) => !(p in COVERAGE));
  assert.deepEqual(missing, [], `procedures without isolation coverage: add them to COVERAGE in ${import.meta.url}`);
  assert.deepEqual(Object.keys(COVERAGE).filter((p) => !paths.includes(p)), [], "rows for procedures that no longer exist");
});

describe("tenant data is refused across tenants and below the minimum role", () => {
  for (const [path, row] of Object.entries(COVERAGE)) {
    if (row.kind !== "tenant") continue;
    test(path, async () => {
      const cross = await refusal(row.call(outsider, victim));
      assert.equal(cross.code, "NOT_FOUND", `${path} as a member of another tenant: ${cross.code} ${cross.text}`);
      assertLeaksNothing(cross.text, path);
      for (const role of ROLES.slice(ROLES.indexOf(row.minRole) + 1)) {
        const low = await refusal(row.call(asRole.get(role)!, victim));
        const allowed = row.belowMin ? [row.belowMin] : ["FORBIDDEN", "NOT_FOUND"];
        assert.ok(allowed.includes(low.code), `${path} as ${role} (needs ${row.minRole}): ${low.code} ${low.text}`);
        assertLeaksNothing(low.text, path);
      }
    });
  }
});

describe("membership-scoped lists show an outsider nothing of the tenant", () => {
  for (const [path, row] of Object.entries(COVERAGE)) {
    if (row.kind !== "scoped-list") continue;
    test(path, async () => {
      const seen = JSON.stringify(await row.call(outsider, victim));
      assert.ok(!seen.includes(victim.app), `${path} shows the victim's app: ${seen}`);
      assert.ok(!seen.includes(victim.tenant), `${path} shows the victim's tenant: ${seen}`);
    });
  }
});

describe("platform administration is for platform admins only", () => {
  for (const [path, row] of Object.entries(COVERAGE)) {
    if (row.kind !== "platform-admin") continue;
    test(path, async () => {
      for (const caller of [outsider, asRole.get("owner")!]) {
        const r = await refusal(row.call(caller, victim));
        assert.equal(r.code, "FORBIDDEN", `${path}: ${r.code} ${r.text}`);
        assertLeaksNothing(r.text, path);
      }
    });
  }
});

describe("the caller's own objects and secret-guarded reads", () => {
  test("tokens.list shows an outsider none of the victim's tokens", async () => {
    const row = COVERAGE["tokens.list"] as { call: (c: Caller, v: Victim) => Promise<unknown> };
    const seen = JSON.stringify(await row.call(outsider, victim));
    assert.ok(!seen.includes(victim.tokenId));
  });
  test("tokens.revoke of another user's token is NOT_FOUND and leaves it alive", async () => {
    const row = COVERAGE["tokens.revoke"] as { call: (c: Caller, v: Victim) => Promise<unknown> };
    for (const caller of [outsider, asRole.get("admin")!]) {
      const r = await refusal(row.call(caller, victim));
      assert.equal(r.code, "NOT_FOUND", r.text);
    }
    assert.equal((await db.apiToken.findUniqueOrThrow({ where: { id: victim.tokenId } })).revokedAt, null);
  });
  test("tenants.getInvite with a wrong link shows nothing", async () => {
    const row = COVERAGE["tenants.getInvite"] as { call: (c: Caller, v: Victim) => Promise<unknown> };
    const r = await row.call(outsider, victim).catch((e: TRPCError) => e.code);
    assert.ok(r === null || r === "NOT_FOUND", String(r));
  });
  test("nothing the victim owns changed through all the refused calls", async () => {
    const app = await db.app.findUnique({ where: { id: victim.appId }, select: { configVars: { select: { key: true } } } });
    assert.deepEqual(app?.configVars.map((c) => c.key), ["SECRET_KEY_NAME"]);
    assert.equal(await db.app.count({ where: { tenantId: victim.tenantId } }), 1);
    assert.equal(await db.membership.count({ where: { tenantId: victim.tenantId } }), 4);
    assert.deepEqual((await db.invitation.findMany({ where: { tenantId: victim.tenantId }, select: { id: true } })).map((i) => i.id), [victim.invitationId]);
    assert.equal((await db.tenant.findUniqueOrThrow({ where: { id: victim.tenantId } })).suspendedAt, null);
    assert.equal(await db.tenantQuota.count({ where: { tenantId: victim.tenantId } }), 0);
    assert.equal(await db.domain.count({ where: { appId: victim.appId } }), 0);
  });
});
