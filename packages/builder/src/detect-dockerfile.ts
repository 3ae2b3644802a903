import { fileText } from "./source-tree";
import type { SourceTree } from "./source-tree";

/** EXPOSEd TCP ports of a Dockerfile, in order (`EXPOSE 8080 9000/tcp`; udp and variables skipped). */
export function exposedPorts(dockerfile: string): number[] {
  const ports: number[] = [];
  for (const m of dockerfile.matchAll(/^\s*EXPOSE\s+(.+)$/gim)) {
    for (const token of (m[1] ?? "").split(/\s+/)) {
      const p = /^(\d+)(\/tcp)?$/i.exec(token);
      if (p?.[1]) ports.push(Number(p[1]));
    }
  }
  return ports;
}

export function dockerfileText(tree: SourceTree, path: string): string | null {
  return fileText(tree, path);
}
