import { checkPlatformHealth } from "@berth/core/health/check-platform-health";
import { platformAdminProcedure } from "../../trpc";
import { ZGetHealthOutput } from "./get-health.schema";

export const getHealthProcedure = platformAdminProcedure
  .output(ZGetHealthOutput)
  .query(({ ctx }) => checkPlatformHealth({ config: ctx.config, db: ctx.db }));
