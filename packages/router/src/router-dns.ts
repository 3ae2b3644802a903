import type Docker from "dockerode";
import { execInContainer } from "@berth/docker/exec-in-container";

/** getent's exit status when the name has no addresses. */
const NOT_FOUND = 2;

/**
 * The IPv4 addresses the router's own resolver gives for `name` right now, which is what Caddy
 * gets on its next lookup of a service's name. Asked with `getent` inside the router container
 * (Debian's libc tools are in its image), because the engine's resolver for a tenant network only
 * answers inside containers on it. null when the router could not be asked.
 */
export async function routerLookup(docker: Docker, router: { containerName: string }, name: string): Promise<string[] | null> {
  try {
    const result = await execInContainer(docker, router.containerName, ["getent", "ahostsv4", name], 2_000);
    if (result.exitCode === NOT_FOUND) return [];
    if (result.exitCode !== 0) return null;
    return parseGetentHosts(result.stdout);
  } catch {
    return null;
  }
}

/** `getent ahostsv4` prints an address per socket type ("10.0.7.4  STREAM name"); each address once. */
export function parseGetentHosts(text: string): string[] {
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const address = line.trim().split(/\s+/)[0];
    if (address && /^\d+\.\d+\.\d+\.\d+$/.test(address)) seen.add(address);
  }
  return [...seen].sort();
}
