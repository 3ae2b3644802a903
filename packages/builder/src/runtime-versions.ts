/**
 * The language versions Berth's base images carry. They are built from Debian bookworm's packages
 * (no image registry is reachable), so each language has exactly one version; an app asking for
 * another one is built with this one and warned about it.
 */
export const AVAILABLE_VERSIONS = { node: "18.20.4", python: "3.11.2", go: "1.19.8" } as const;

/** major[.minor] of a version-like string (`v18.2.0`, `3.11`, `python-3.12.1`, `go1.22`), else null. */
export function leadingVersion(text: string): number[] | null {
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
}

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether `available` (e.g. "18.20") satisfies a semver-style range as people write them in
 * engines/.nvmrc/requires-python: `18`, `18.x`, `v18.2.0`, `^18.1`, `~18`, `>=16`, `>=16 <20`,
 * `16 || 18`, `*`, `lts/*`, `==3.11.*`, `~=3.10`. Returns null for a range it cannot read.
 */
export function satisfies(range: string, available: string): boolean | null {
  const have = leadingVersion(available);
  if (!have) return null;
  const r = range.trim();
  if (r === "" || r === "*" || r === "x" || /^lts\/?/i.test(r) || r === "latest" || r === "node") return true;
  const alternatives = r.split("||").map((s) => s.trim());
  let readable = false;
  for (const alt of alternatives) {
    const parts = alt.split(/[\s,]+/).filter(Boolean);
    let all = true;
    let altReadable = true;
    for (const part of parts) {
      const m = /^(>=|<=|>|<|\^|~=|~|==|=|!=)?v?(.*)$/.exec(part);
      const op = m?.[1] ?? "";
      const ver = (m?.[2] ?? "").replace(/\.[x*](\.[x*])?$/i, "").replace(/\.\*$/, "");
      const want = leadingVersion(ver);
      if (!want || !/^\d/.test(ver)) {
        altReadable = false;
        break;
      }
      const c = cmp(have.slice(0, want.length), want);
      const ok =
        op === ">=" ? cmp(have, want) >= 0
        : op === ">" ? cmp(have, want) > 0
        : op === "<=" ? cmp(have.slice(0, want.length), want) <= 0
        : op === "<" ? cmp(have, want) < 0
        : op === "!=" ? c !== 0
        : op === "^" ? have[0] === want[0] && cmp(have, want) >= 0
        : op === "~" ? have[0] === want[0] && (want.length < 2 || have[1] === want[1]) && cmp(have, want) >= 0
        : op === "~=" ? have[0] === want[0] && cmp(have, want) >= 0
        : c === 0; // bare or `=`/`==`: a prefix match (18 matches 18.20; 3.11 matches 3.11)
      if (!ok) all = false;
    }
    if (altReadable) {
      readable = true;
      if (all) return true;
    }
  }
  return readable ? false : null;
}
