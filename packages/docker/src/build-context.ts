import { createReadStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import tar from "tar-stream";

/** Build-context paths are relative and stay inside the context; anything else is refused. */
export function contextPath(name: string): string | null {
  let p = name.replace(/\\/g, "/");
  while (p.startsWith("./")) p = p.slice(2);
  if (!p || p === "." || p.startsWith("/") || p.split("/").includes("..")) return null;
  return p;
}

function assertRelative(name: string): string {
  const p = contextPath(name);
  if (!p) throw new Error(`Build context path must be relative: ${name}`);
  return p;
}

/** A tar of files held in memory. */
export async function packFiles(files: Record<string, string | Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on("data", (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const [name, content] of Object.entries(files)) {
    pack.entry({ name: assertRelative(name), mode: 0o644 }, typeof content === "string" ? Buffer.from(content, "utf8") : content);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Streams a source archive through as a build context, replacing (or adding) `files` — e.g. a
 * generated Dockerfile — without unpacking the tree to disk. Entries that would escape the context,
 * and tar's global pax headers (git archive writes one), are dropped.
 */
export function contextFromArchive(
  archivePath: string,
  files: Record<string, string | Buffer>,
  contextDir?: string,
  exclude?: (path: string) => boolean,
): Readable {
  // A build directory: only its members, re-rooted there.
  const prefix = contextDir ? `${assertRelative(contextDir).replace(/\/+$/, "")}/` : "";
  const overrides = new Map(Object.entries(files).map(([name, content]) => [assertRelative(name), content]));
  const extract = tar.extract();
  const pack = tar.pack();
  const out = new PassThrough();
  pack.pipe(out);
  const fail = (err: Error) => {
    extract.destroy(err);
    out.destroy(err);
  };

  extract.on("entry", (header, stream, next) => {
    const full = contextPath(header.name);
    const name = full === null ? null : !prefix ? full : full.startsWith(prefix) && full.length > prefix.length ? full.slice(prefix.length) : null;
    const keep =
      name !== null &&
      !overrides.has(name.replace(/\/$/, "")) &&
      !(exclude && exclude(name.replace(/\/$/, ""))) &&
      ["file", "contiguous-file", "directory", "symlink", "link"].includes(header.type ?? "file");
    if (!keep) {
      stream.on("end", () => next());
      stream.resume();
      return;
    }
    const entry = pack.entry({ ...header, name }, (err) => (err ? fail(err) : next()));
    stream.pipe(entry);
  });
  extract.on("finish", () => {
    for (const [name, content] of overrides) pack.entry({ name, mode: 0o644 }, typeof content === "string" ? Buffer.from(content, "utf8") : content);
    pack.finalize();
  });
  extract.on("error", fail);
  const source = createReadStream(archivePath);
  source.on("error", fail);
  source.pipe(extract);
  return out;
}
