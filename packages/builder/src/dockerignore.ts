/**
 * .dockerignore matching, as the docker CLI does it before sending a context. Berth sends contexts
 * through the engine API itself, and the engine's classic builder only uses .dockerignore to drop
 * the Dockerfile and .dockerignore, so Berth applies the patterns while streaming the context.
 *
 * Rules (moby patternmatcher): one pattern a line, `#` comments, leading `/` and `./` ignored,
 * `*` and `?` within one path segment, `**` across segments, `!pattern` re-includes; the last
 * matching pattern wins; a pattern that matches a directory excludes everything under it.
 */
export type IgnoreMatcher = (path: string) => boolean;

interface Rule {
  negate: boolean;
  re: RegExp;
}

function toRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") {
          i++;
          re += "(?:.*/)?";
        } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function parseDockerignore(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1).trim();
    line = line.replace(/^(\.\/)+/, "").replace(/^\/+/, "").replace(/\/+$/, "");
    if (!line || line === ".") continue;
    rules.push({ negate, re: toRegExp(line) });
  }
  return (path: string) => {
    const parts = path.replace(/\/+$/, "").split("/");
    let ignored = false;
    for (const rule of rules) {
      // A pattern matching the path or any directory above it applies to the path.
      for (let n = parts.length; n >= 1; n--) {
        if (rule.re.test(parts.slice(0, n).join("/"))) {
          ignored = !rule.negate;
          break;
        }
      }
    }
    return ignored;
  };
}
