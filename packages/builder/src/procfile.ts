/** A parsed Procfile: process type → command, in file order. */
export type Procfile = Record<string, string>;

const LINE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,62}):\s*(.+)$/;
/** Process names become parts of container and service names, so they must be DNS-safe. */
const DNS_SAFE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Parses a Procfile. Blank lines and `#` or `//` comment lines are skipped; a ` # comment` after a
 * command is dropped only when whitespace precedes the `#` (so `curl x#y` survives). Anything else
 * malformed, a duplicate or a name that cannot name a container is an error, naming the line: a
 * Procfile silently half-read would deploy something the user did not write.
 */
export function parseProcfile(text: string): { ok: true; procfile: Procfile } | { ok: false; message: string } {
  const procfile: Procfile = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith("//")) continue;
    const m = LINE.exec(line);
    if (!m) return { ok: false, message: `Procfile line ${i + 1} is not "<type>: <command>": ${JSON.stringify(raw.slice(0, 120))}` };
    const name = m[1] ?? "";
    const command = (m[2] ?? "").replace(/\s+#.*$/, "").trim();
    if (!DNS_SAFE.test(name)) {
      return { ok: false, message: `Procfile line ${i + 1}: process type "${name}" must be lowercase letters, digits and hyphens (it names containers).` };
    }
    if (command === "") return { ok: false, message: `Procfile line ${i + 1}: process type "${name}" has no command.` };
    if (Object.hasOwn(procfile, name)) return { ok: false, message: `Procfile line ${i + 1}: process type "${name}" is defined twice.` };
    procfile[name] = command;
  }
  return { ok: true, procfile };
}
