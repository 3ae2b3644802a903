import type { BerthConfig } from "@berth/config/config";
import { startCommand } from "./remedy";
import { ProbeFailure, runProbe } from "./run-probe";

/** `GET /v2/` answering 200 is the Registry HTTP API's own "I am here and you may use me". */
export function probeRegistry({ config, timeoutMs }: { config: BerthConfig; timeoutMs: number }) {
  const { address, url } = config.registry;
  return runProbe({
    name: "registry",
    label: "Image registry",
    target: `The registry at ${address}`,
    remedy: `Start it with ${startCommand("registry")}.`,
    timeoutMs,
    async run(signal) {
      const res = await fetch(`${url}/v2/`, { signal, redirect: "manual" });
      await res.body?.cancel();
      if (res.status !== 200) {
        throw new ProbeFailure(`The registry at ${address} answered /v2/ with HTTP ${res.status}; it should answer 200.`);
      }
      return (ms) => `The registry at ${address} answered in ${ms} ms.`;
    },
  });
}
