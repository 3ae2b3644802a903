import { fileURLToPath } from "node:url";
import { type ProgramResult, runProgram } from "../../src/run-program";

/** The real `berth` entry point, as bring-up links it onto the PATH. */
export const BERTH_BIN = fileURLToPath(new URL("../../bin/berth.js", import.meta.url));

/** Runs the real CLI with an argument array and the given environment. */
export function runBerth(args: string[], env: NodeJS.ProcessEnv): Promise<ProgramResult> {
  return runProgram(BERTH_BIN, args, { env });
}
