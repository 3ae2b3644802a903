import { readFileSync, existsSync } from "node:fs";

/**
 * Reads a `KEY=value` file (the format bring-up writes to `<data dir>/berth.env`).
 * Blank lines and `#` comments are ignored; values may be wrapped in double quotes.
 * A missing file is an empty set, so a machine without bring-up still gets defaults.
 */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = JSON.parse(value) as string;
    }
    values[key] = value;
  }
  return values;
}

/** Renders values in the format `readEnvFile` reads; quotes only what needs it. */
export function renderEnvFile(values: Record<string, string>, header: string): string {
  const lines = header.split("\n").map((l) => `# ${l}`);
  for (const [key, value] of Object.entries(values)) {
    lines.push(/^[A-Za-z0-9_./:@+-]*$/.test(value) ? `${key}=${value}` : `${key}=${JSON.stringify(value)}`);
  }
  return lines.join("\n") + "\n";
}
