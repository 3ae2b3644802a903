/** Global flags every command accepts; they override the environment, which overrides the config file. */
export const GLOBAL_FLAGS = ["api-url", "token", "tenant"] as const;

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Record<string, string | true>;
}

/** Flags that take no value; every other `--flag` takes the next argument (or `--flag=value`). */
const BOOLEAN_FLAGS = new Set(["json", "help", "no-wait", "tail", "tcp", "reset"]);

export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) flags[name] = arg.slice(eq + 1);
      else if (BOOLEAN_FLAGS.has(name)) flags[name] = true;
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value.`);
        flags[name] = value;
        i++;
      }
      continue;
    }
    if (arg === "-h") {
      flags.help = true;
      continue;
    }
    positionals.push(arg);
  }
  const [command = null, ...rest] = positionals;
  return { command, positionals: rest, flags };
}

export function stringFlag(flags: ParsedArgs["flags"], name: string): string | undefined {
  const value = flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value.`);
  return value;
}

/** `K=V` pairs; the value may itself contain `=` and may be empty. */
export function parseAssignments(items: string[]): Record<string, string> {
  if (!items.length) throw new UsageError("Give at least one KEY=VALUE.");
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`"${item}" is not KEY=VALUE.`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** `v3` or `3`. */
export function parseVersion(text: string | undefined): number {
  const match = /^v?(\d+)$/i.exec(text ?? "");
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version < 1) throw new UsageError(`"${text ?? ""}" is not a release version like v3.`);
  return version;
}

export function requirePositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}
