import { readRegistryUsage } from "@berth/core/admin/registry-usage";
import { platformAdminProcedure } from "../../trpc";
import { ZRegistryUsageOutput } from "./registry-usage.schema";

export const registryUsageProcedure = platformAdminProcedure.output(ZRegistryUsageOutput).query(({ ctx }) => readRegistryUsage(ctx.config));
