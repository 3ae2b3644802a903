import net from "node:net";
import { BringUpError } from "./bring-up-error";

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Fails with a message that names the port, the setting that moves it, and how to see who holds it.
 * Called before starting a service whose port is open although Berth's instance is not running.
 */
export function portTakenError(what: string, port: number, setting: string, envFile: string): BringUpError {
  return new BringUpError(
    `Port ${port}, which ${what} needs, is already taken by another program.`,
    `See which program holds it with \`ss -ltnp 'sport = :${port}'\` and stop it, or give Berth another port: set ${setting}=<free port> in ${envFile} (or in the environment) and run the bring-up again.`,
  );
}

/** Polls `probe` until it answers true or the time runs out. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
