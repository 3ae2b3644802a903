import type Docker from "dockerode";
import { startConfigDeployment } from "@berth/core/deployments/start-config-deployment";
import { appImageRepository } from "@berth/core/deployments/runtime-names";
import { DEFAULT_HEALTH } from "@berth/core/runtime/process-plan";
import { httpRequest } from "@berth/router/http-request";
import { askRouterForHost } from "@berth/router/probe";
import { BENCH_SERVER, openBenchApp } from "./bench-app";
import { median } from "./stats";

/**
 * Redeploy time: from a config change until the new release answers through the router, against a
 * floor measured in the same run with the Docker API alone: start a container from the same image
 * (same env, port published on loopback) and wait for its first answer. Goal: at most 2× the floor.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const POLL_MS = 25;

export async function redeployTime(): Promise<void> {
  const bench = await openBenchApp("redeploy");
  const log = (line: string) => console.log(`[redeploy-time] ${line}`);
  try {
    // The app's health-check interval is a per-app setting (DEFAULT_HEALTH): Swarm routes a new instance
    // only after its first passing check, so it bounds how soon a redeploy can serve.
    const interval = process.env.BENCH_HEALTH_INTERVAL_SEC;
    if (interval) await bench.db.healthCheck.create({ data: { appId: bench.app.id, type: "web", intervalSec: Number(interval) } });
    log(`health-check interval: ${interval ?? `default (${DEFAULT_HEALTH.intervalSec})`} s`);
    const first = await bench.waitForEnd(await bench.push({ "server.js": BENCH_SERVER }));
    if (first.status !== "live") throw new Error(`first deploy ${first.status}: ${first.failureReason}`);
    const release = await bench.db.release.findFirstOrThrow({ where: { appId: bench.app.id, status: "live" } });
    const image = `${appImageRepository(bench.config, bench.tenant.name, bench.app.name)}@${release.imageDigest}`;

    const redeploys: number[] = [];
    const floors: number[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      await bench.waitForSettled();
      floors.push(await floorOnce(bench.docker, image, `floor-${i}`));
      const t0 = performance.now();
      const { deploymentId } = await startConfigDeployment(bench.deps, { appId: bench.app.id, config: { GREETING: `r${i}` }, description: `round ${i}`, createdById: null });
      // "Serves" = the router answers with the new config, whatever the deployment row says yet.
      for (;;) {
        const a = await askRouterForHost(bench.config.router.url, bench.host, 5_000).catch(() => null);
        if (a?.status === 200 && a.body === `r${i}`) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      redeploys.push(performance.now() - t0);
      await bench.waitForEnd(deploymentId!);
      log(`round ${i}: redeploy ${(redeploys.at(-1)! / 1000).toFixed(2)} s, floor ${(floors.at(-1)! / 1000).toFixed(2)} s`);
    }
    const ratio = median(redeploys) / median(floors);
    log(`median redeploy ${(median(redeploys) / 1000).toFixed(2)} s vs floor ${(median(floors) / 1000).toFixed(2)} s → ratio ${ratio.toFixed(2)}× (goal ≤ 2×)`);
  } finally {
    await bench.close();
  }
}

/** Create + start a container from the image and wait for its first HTTP answer; then remove it. */
async function floorOnce(docker: Docker, image: string, name: string): Promise<number> {
  const t0 = performance.now();
  const container = await docker.createContainer({
    Image: image,
    name: `berth-bench-${name}-${process.pid}`,
    Env: ["PORT=5000", "GREETING=floor"],
    ExposedPorts: { "5000/tcp": {} },
    HostConfig: { PortBindings: { "5000/tcp": [{ HostIp: "127.0.0.1", HostPort: "" }] }, Init: true },
  });
  try {
    await container.start();
    const info = await container.inspect();
    const port = Number(info.NetworkSettings.Ports["5000/tcp"]?.[0]?.HostPort);
    for (;;) {
      if (await answers(port)) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    return performance.now() - t0;
  } finally {
    await container.remove({ force: true });
  }
}

/** The floor container answers 200 on its published port. */
async function answers(port: number): Promise<boolean> {
  const res = await httpRequest(`http://127.0.0.1:${port}/`, { timeoutMs: 1_000 }).catch(() => null);
  return res?.status === 200;
}
