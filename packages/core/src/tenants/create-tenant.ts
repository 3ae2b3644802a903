import { Prisma, type DbClient } from "@berth/db/client";
import { ZDnsLabel } from "../apps/dns-label";
import { AppError } from "../errors/app-error";

/** A new team; whoever creates it is its first owner. */
export async function createTenant(db: DbClient, { userId, name }: { userId: string; name: string }): Promise<{ id: string; name: string }> {
  const parsed = ZDnsLabel.safeParse(name);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", { userMessage: `"${name.slice(0, 40)}" is not a valid tenant name: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  }
  try {
    return await db.tenant.create({
      data: { name: parsed.data, members: { create: { userId, role: "owner" } } },
      select: { id: true, name: true },
    });
  } catch (error) {
    // Names are global (they are DNS labels under one base domain); the unique index decides races.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { userMessage: `The name "${name}" is taken. Pick another tenant name.` });
    }
    throw error;
  }
}
