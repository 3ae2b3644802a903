import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { BENCH_SERVER, openBenchApp } from "./bench-app";
import { percentile } from "./stats";
import { type Sample, startLoad } from "./load";

/**
 * Zero downtime: ~100 requests/s (every 20th one slow, 300 ms) through the router while the app is
 * deployed 20 times in a row (config changes: a new release, new instances) and then 5 times with an
 * image that never becomes healthy (it never listens). Goal: no failed request, and p99 latency
 * during deploys at most 2× the steady state measured just before, in the same run.
 */
const DEPLOYS = Number(process.env.BENCH_DEPLOYS ?? 20);
const FAILING = Number(process.env.BENCH_FAILING ?? 5);
const STEADY_MS = Number(process.env.BENCH_STEADY_MS ?? 30_000);
const RPS = 100;

export async function zeroDowntime(): Promise<void> {
  // A failing deploy waits this long for health before it is rolled back (shorter than the 90 s
  // default, to keep the run short; still longer than an old instance's 30 s stop grace period).
  const bench = await openBenchApp("zdt", { readyTimeoutMs: 45_000 });
  const log = (line: string) => console.log(`[zero-downtime] ${line}`);
  try {
    const first = await bench.waitForEnd(await bench.push({ "server.js": BENCH_SERVER }));
    if (first.status !== "live") throw new Error(`first deploy ${first.status}: ${first.failureReason}`);
    log(`app ${bench.host} is live; load ${RPS} req/s, every 20th request slow (300 ms)`);

    const load = startLoad({ port: bench.config.router.port, host: bench.host, rps: RPS, slowEvery: 20 });
    await new Promise((r) => setTimeout(r, 3_000));
    load.setPhase("steady");
    await new Promise((r) => setTimeout(r, STEADY_MS));

    load.setPhase("deploys");
    const deployTimes: number[] = [];
    for (let i = 1; i <= DEPLOYS; i++) {
      const t0 = Date.now();
      const { deploymentId } = await startConfigDeployment(bench.deps, { appId: bench.app.id, config: { GREETING: String(i) }, description: `bench ${i}`, createdById: null });
      const end = await bench.waitForEnd(deploymentId!);
      deployTimes.push(Date.now() - t0);
      if (end.status !== "live") log(`deploy ${i} ended ${end.status}: ${end.failureReason}`);
    }
    load.setPhase("failing");
    const failingEnds: string[] = [];
    for (let i = 1; i <= FAILING; i++) {
      const id = await bench.push({ "server.js": 'setInterval(() => {}, 1000); // never listens\n', "package.json": '{"name":"never","scripts":{"start":"node server.js"}}\n' });
      const end = await bench.waitForEnd(id);
      failingEnds.push(end.status);
    }
    load.setPhase("after");
    await new Promise((r) => setTimeout(r, 3_000));
    await load.stop();

    const of = (phase: string) => load.samples.filter((s) => s.phase === phase);
    const p99 = (s: Sample[]) => percentile(s.map((x) => x.ms), 99);
    const fastP99 = (s: Sample[]) => percentile(s.filter((x) => !x.slow).map((x) => x.ms), 99);
    const steady = of("steady");
    const during = [...of("deploys"), ...of("failing")];
    const failed = load.samples.filter((s) => s.phase !== "warmup" && !s.ok);
    const errors = new Map<string, number>();
    for (const f of failed) errors.set(`${f.phase}: ${f.error}`, (errors.get(`${f.phase}: ${f.error}`) ?? 0) + 1);

    log(`requests: steady ${steady.length}, during deploys ${of("deploys").length}, during failing deploys ${of("failing").length}`);
    log(`deploys: ${DEPLOYS} live in ${(deployTimes.reduce((a, b) => a + b, 0) / 1000).toFixed(0)} s; failing deploys ended: ${failingEnds.join(", ")}`);
    const retried = load.samples.filter((s) => s.phase !== "warmup" && s.retried);
    log(`keep-alive races resent once (client-side, not failures): ${retried.length}`);
    log(`failed requests: ${failed.length} (goal 0)${errors.size ? ` — ${[...errors].map(([k, v]) => `${k} ×${v}`).join("; ")}` : ""}`);
    for (const f of failed.slice(0, 20)) log(`  failed at ${new Date(f.at).toISOString()} (${f.phase}, ${f.slow ? "slow" : "fast"}, ${f.ms.toFixed(0)} ms): ${f.error}`);
    log(`p99 all requests: steady ${p99(steady).toFixed(1)} ms, during deploys ${p99(during).toFixed(1)} ms → ratio ${(p99(during) / p99(steady)).toFixed(2)}× (goal ≤ 2×)`);
    log(`p99 fast requests: steady ${fastP99(steady).toFixed(1)} ms, during deploys ${fastP99(during).toFixed(1)} ms → ratio ${(fastP99(during) / fastP99(steady)).toFixed(2)}×`);
    log(`p50 fast requests: steady ${percentile(steady.filter((x) => !x.slow).map((x) => x.ms), 50).toFixed(1)} ms, during deploys ${percentile(during.filter((x) => !x.slow).map((x) => x.ms), 50).toFixed(1)} ms`);
    const serving = await fetchBody(bench.config.router.port, bench.host);
    log(`after the failing deploys the app answers "${serving}" (the last good release is ${DEPLOYS})`);
  } finally {
    await bench.close();
  }
}

async function fetchBody(port: number, host: string): Promise<string> {
  const { askRouterForHost } = await import("@berth/router/probe");
  return (await askRouterForHost(`http://127.0.0.1:${port}`, host)).body;
}
