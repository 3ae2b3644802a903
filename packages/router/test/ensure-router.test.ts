import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { removeContainer } from "@berth/docker/containers";
import { connectDocker } from "@berth/docker/engine";
import { readCaddyConfig, waitForAdmin } from "../src/admin-client";
import { ensureRouter } from "../src/ensure-router";
import { askRouterFallback } from "../src/probe";

const base = loadConfig();
const docker = connectDocker(base.docker.socketPath);
const run = randomBytes(4).toString("hex");

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// A throwaway router of its own (name, ports, volume), so the real one bring-up runs on the configured ports is never touched.
const port = await freePort();
const adminPort = await freePort();
const config = {
  ...base,
  router: {
    ...base.router,
    containerName: `berth-router-test-${run}`,
    bind: "127.0.0.1",
    port,
    adminPort,
    url: `http://127.0.0.1:${port}`,
    adminUrl: `http://127.0.0.1:${adminPort}`,
  },
};

after(async () => {
  await removeContainer(docker, config.router.containerName);
  await docker.getVolume(`${config.router.containerName}-data`).remove().catch(() => undefined);
});

function get(host: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", headers: { Host: host } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("error", reject);
  });
}

test("ensureRouter brings up a router that answers unknown hosts with the no-such-app page", { timeout: 600_000 }, async () => {
  const log: string[] = [];
  const first = await ensureRouter({ docker, config, log: (l) => log.push(l) });
  assert.equal(first.container, "created");

  const res = await get("nope.example.test");
  assert.equal(res.status, 404);
  assert.equal(res.headers["x-berth-router"], "no-such-app");
  assert.match(res.body, /No such app/);
  assert.match(res.body, /nope\.example\.test/);
  assert.match(res.body, /berth apps/);
  assert.deepEqual(await askRouterFallback(config.router.url), { status: 404, marker: "no-such-app", isBerthRouter: true });

  const second = await ensureRouter({ docker, config, log: () => {} });
  assert.equal(second.containerId, first.containerId);
  assert.equal(second.container, "running");
  assert.equal(second.image, "present");
});

test("a restarted router comes back with the last loaded configuration", { timeout: 120_000 }, async () => {
  const routes = { routes: [{ id: "persist-check", hosts: ["persist.example.test"], upstreams: [{ dial: "127.0.0.1:9" }] }] };
  await ensureRouter({ docker, config, log: () => {}, routes });
  await docker.getContainer(config.router.containerName).restart({ t: 5 });
  await waitForAdmin(config.router.adminUrl, 30_000);
  const running = JSON.stringify(await readCaddyConfig(config.router.adminUrl));
  assert.match(running, /persist\.example\.test/);
  // The route now proxies to a closed port: Caddy answers 502, proving the host is routed, not the fallback.
  assert.equal((await get("persist.example.test")).status, 502);
});

test("asking a port where nothing listens fails instead of pretending to be a router", async () => {
  await assert.rejects(askRouterFallback(`http://127.0.0.1:${await freePort()}`, 2_000), /ECONNREFUSED/);
});

test("a re-run without a route table keeps the routes the router is serving", { timeout: 60_000 }, async () => {
  const routes = { routes: [{ id: "keep-check", hosts: ["keep.example.test"], upstreams: [{ dial: "127.0.0.1:9" }] }] };
  await ensureRouter({ docker, config, log: () => {}, routes });
  const log: string[] = [];
  await ensureRouter({ docker, config, log: (l) => log.push(l) });
  assert.match(JSON.stringify(await readCaddyConfig(config.router.adminUrl)), /keep\.example\.test/);
  assert.ok(log.some((l) => /kept as running/.test(l)), log.join("\n"));
  assert.equal((await get("keep.example.test")).status, 502, "still routed, not the no-such-app fallback");
});
