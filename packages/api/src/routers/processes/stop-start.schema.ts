import { z } from "zod";

export { ZAppRefInput as ZStopStartInput } from "../apps/app-ref.schema";
export const ZStopStartOutput = z.object({ stopped: z.boolean() });
