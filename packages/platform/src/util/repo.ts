import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout Berth runs from: bring-up builds and starts the platform from here. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
