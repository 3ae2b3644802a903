import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { loadConfig } from "@berth/config/config";
import { createDb, type Database } from "@berth/db/client";
import { hashPassword } from "../src/auth/password";
import { AppError } from "../src/errors/app-error";
import { ensureMembership, ensureTenant } from "../src/tenants/ensure-tenant";
import type { Role } from "../src/tenants/roles";

/** The AppError a service call is refused with; fails the test when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a refusal");
}

/** The real database of this installation; each test file opens its own client and closes it. */
export function openTestDb(): Database {
  return createDb(loadConfig().postgres.url);
}

/** Addresses under .test (RFC 2606) that no real user has and no other test run shares. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(6).toString("hex")}@core-tests.berth.test`;
}

export async function deleteUsers(db: Database, emails: string[]): Promise<void> {
  await db.user.deleteMany({ where: { email: { in: emails } } });
}

// Hashing is deliberately slow; one hash serves every fixture user (nobody signs in with it).
let fixturePasswordHash: Promise<string> | undefined;

/**
 * Users and tenants a test file makes on the real database, remembered so `cleanUp` (in the
 * file's `after`) removes exactly them and nothing another test run made.
 */
export class Fixtures {
  private readonly emails: string[] = [];
  private readonly tenants: string[] = [];

  constructor(
    readonly db: Database,
    /** Prefix of this file's emails and tenant names, so leftovers show where they came from. */
    private readonly label: string,
  ) {}

  async user(label = this.label): Promise<{ id: string; email: string }> {
    const email = uniqueEmail(label);
    this.emails.push(email);
    fixturePasswordHash ??= hashPassword("fixture-password-not-used");
    return this.db.user.create({ data: { email, passwordHash: await fixturePasswordHash }, select: { id: true, email: true } });
  }

  /** A fresh tenant name (a DNS label), deleted with the fixtures. */
  tenantName(prefix = this.label): string {
    const name = `${prefix}-${randomBytes(4).toString("hex")}`;
    this.tenants.push(name);
    return name;
  }

  /** A fresh tenant with one new member of the given role. */
  async member(role: Role = "owner"): Promise<{ userId: string; email: string; tenant: string; tenantId: string }> {
    const user = await this.user();
    const tenant = this.tenantName();
    const { tenantId } = await ensureTenant(this.db, { name: tenant });
    await ensureMembership(this.db, { tenantId, userId: user.id, role });
    return { userId: user.id, email: user.email, tenant, tenantId };
  }

  async cleanUp(): Promise<void> {
    await this.db.tenant.deleteMany({ where: { name: { in: this.tenants } } });
    await deleteUsers(this.db, this.emails);
  }
}
