import { pushToLive } from "./push-to-live";
import { redeployTime } from "./redeploy-time";
import { streamLatency } from "./stream-latency";
import { zeroDowntime } from "./zero-downtime";

/** `npm run bench -- zero-downtime|redeploy-time|stream-latency|push-to-live|all`: each prints its measurements and ratios. */
const BENCHES: Record<string, () => Promise<void>> = { "zero-downtime": zeroDowntime, "redeploy-time": redeployTime, "stream-latency": streamLatency, "push-to-live": pushToLive };

const wanted = process.argv[2] ?? "all";
const names = wanted === "all" ? Object.keys(BENCHES) : [wanted];
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Choose one of: ${Object.keys(BENCHES).join(", ")}, all.`);
    process.exit(2);
  }
  await bench();
}
process.exit(0);
