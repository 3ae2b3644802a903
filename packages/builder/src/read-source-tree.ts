import { createReadStream } from "node:fs";
import tar from "tar-stream";
import { normalizeArchivePath, type SourceTree } from "./source-tree";

/** Files whose content detection reads; anything bigger is not a manifest a person wrote. */
const READ_LIMIT_BYTES = 1024 * 1024;
const READ_FILES = new Set(["package.json", ".dockerignore"]);

/**
 * Lists a source archive (a plain tar of the pushed tree) and reads the root files detection needs.
 * Streams the archive once, holding only those small files in memory.
 */
export async function readSourceTree(archivePath: string): Promise<SourceTree> {
  const extract = tar.extract();
  const paths: string[] = [];
  const contents = new Map<string, string>();

  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, stream, next) => {
      const path = normalizeArchivePath(header.name);
      const isFile = header.type === "file" || header.type === "contiguous-file" || header.type === "symlink" || header.type === "link";
      if (path && isFile) paths.push(path);
      if (path && header.type === "file" && READ_FILES.has(path) && (header.size ?? 0) <= READ_LIMIT_BYTES) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: unknown) => chunks.push(c as Buffer));
        stream.on("end", () => {
          contents.set(path, Buffer.concat(chunks).toString("utf8"));
          next();
        });
      } else {
        stream.on("end", () => next());
        stream.resume();
      }
    });
    extract.on("finish", () => resolve());
    extract.on("error", reject);
  });
  const source = createReadStream(archivePath);
  source.on("error", (err) => extract.destroy(err));
  source.pipe(extract);
  await done;
  return { paths, packageJson: contents.get("package.json") ?? null, dockerignore: contents.get(".dockerignore") ?? null };
}
