import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import tar from "tar-stream";
import { CONTENT_LIMIT_BYTES, normalizeArchivePath, type SourceTree, wantsContent } from "./source-tree";

export interface ReadSourceTree extends SourceTree {
  /**
   * sha256 of the tree's content: every file's path, kind, executable bit and bytes (or link target),
   * in path order. Like git's tree id it ignores commit metadata and file times (git archive stamps
   * every member with the commit time), so an empty commit or a re-push of the same tree matches.
   */
  treeDigest: string;
}

interface Member {
  path: string;
  kind: string;
  digest: string;
}

/**
 * Lists a source archive (a plain tar of the pushed tree), reads the small files detection needs
 * (plus `extraPaths`, e.g. a configured Dockerfile path) and digests the tree. Streams the archive
 * once, holding only those small files in memory.
 */
export async function readSourceTree(archivePath: string, extraPaths: string[] = []): Promise<ReadSourceTree> {
  const extra = new Set(extraPaths);
  const extract = tar.extract();
  const members: Member[] = [];
  const files: Record<string, string> = {};

  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const path = normalizeArchivePath(header.name);
      const type = header.type ?? "file";
      const isFile = type === "file" || type === "contiguous-file";
      if (!path || !(isFile || type === "symlink" || type === "link")) {
        stream.on("end", () => next());
        stream.resume();
        return;
      }
      const hash = createHash("sha256");
      const keep = isFile && wantsContent(path, extra) && (header.size ?? 0) <= CONTENT_LIMIT_BYTES;
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => {
        hash.update(c as Buffer);
        if (keep) chunks.push(c as Buffer);
      });
      stream.on("end", () => {
        const executable = ((header.mode ?? 0) & 0o111) !== 0;
        const digest = isFile ? hash.digest("hex") : createHash("sha256").update(header.linkname ?? "").digest("hex");
        members.push({ path, kind: `${isFile ? "file" : type}${executable ? "+x" : ""}`, digest });
        if (keep) files[path] = Buffer.concat(chunks).toString("utf8");
        next();
      });
    });
    extract.on("finish", () => resolve());
    extract.on("error", reject);
  });
  const source = createReadStream(archivePath);
  source.on("error", (err) => extract.destroy(err));
  source.pipe(extract);
  await done;

  members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const tree = createHash("sha256");
  for (const m of members) tree.update(`${m.path}\0${m.kind}\0${m.digest}\n`);
  return { paths: members.map((m) => m.path), files, treeDigest: tree.digest("hex") };
}
