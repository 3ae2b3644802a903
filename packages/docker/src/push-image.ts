import type Docker from "dockerode";
import { followStream, outputLines, streamError } from "./follow-stream";

/** Splits `host:port/a/b:tag` into repository and tag; the registry port's colon is not a tag. */
export function splitImageTag(name: string): { repo: string; tag: string } {
  const slash = name.lastIndexOf("/");
  const colon = name.lastIndexOf(":");
  if (colon > slash) return { repo: name.slice(0, colon), tag: name.slice(colon + 1) };
  return { repo: name, tag: "latest" };
}

/** Gives an image another name (`repo:tag`); an existing tag of that name moves to this image. */
export async function tagImage(docker: Docker, source: string, target: string): Promise<void> {
  const { repo, tag } = splitImageTag(target);
  await docker.getImage(source).tag({ repo, tag });
}

/**
 * Pushes one tag to its registry and returns the manifest digest the registry stored (`sha256:…`),
 * which deploys then pin (`repo@digest`) so a moved tag can never change what runs.
 * The engine insists on an X-Registry-Auth header even for registries without auth, hence `{}`.
 */
export async function pushImage(
  docker: Docker,
  name: string,
  opts: { onOutput?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<string> {
  const { repo, tag } = splitImageTag(name);
  const stream = await docker.getImage(repo).push({ tag, authconfig: {}, abortSignal: opts.signal });
  let digest: string | undefined;
  const messages = await followStream(stream, (msg) => {
    if (msg.aux?.Digest) digest = msg.aux.Digest;
    // Per-layer byte counters would flood a log; statuses like "Pushed" or "Layer already exists" do not.
    if (opts.onOutput && !msg.progress) for (const line of outputLines([msg])) opts.onOutput(line);
  });
  const error = streamError(messages);
  if (error) throw new Error(`Pushing ${name} failed: ${error}`);
  if (!digest) throw new Error(`Pushing ${name} finished without the registry reporting a digest.`);
  return digest;
}
