/**
 * Reads pasted `.env` text: KEY=value lines, `export ` prefixes, # comments and blank lines
 * ignored, values optionally in single or double quotes. Returns what it understood and the
 * lines it did not, so the page can say exactly which line to fix instead of guessing.
 */
export function parseDotenv(text: string): { vars: Record<string, string>; bad: { line: number; text: string }[] } {
  const vars: Record<string, string> = {};
  const bad: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) return void bad.push({ line: i + 1, text: raw });
    let value = m[2]!;
    const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
    if (quoted) value = quoted[1]!;
    else value = value.replace(/\s+#.*$/, "");
    if (/^"/.test(m[2]!) && quoted) value = value.replace(/\\n/g, "\n").replace(/\\"/g, '"');
    vars[m[1]!] = value;
  });
  return { vars, bad };
}
