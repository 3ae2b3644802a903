import { z } from "zod";

export { ZAppRefInput as ZListConfigInput, type TAppRefInput as TListConfigInput } from "../apps/app-ref.schema";

export const ZListConfigOutput = z.record(z.string(), z.string());
export type TListConfigOutput = z.infer<typeof ZListConfigOutput>;
