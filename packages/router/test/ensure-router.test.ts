import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { removeContainer } from "@berth/docker/containers";
import { connectDocker } from "@berth/docker/engine";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readCaddyConfig, waitForAdmin } from "../src/admin-client";
import { resolveRouterAdmin } from "../src/admin-endpoint";
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
const config = {
  ...base,
  router: {
    ...base.router,
    containerName: `berth-router-test-${run}`,
    bind: "127.0.0.1",
    port,
    url: `http://127.0.0.1:${port}`,
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
  const admin = await resolveRouterAdmin(docker, config.router);
  await waitForAdmin(admin, 30_000);
  const running = JSON.stringify(await readCaddyConfig(admin));
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
  assert.match(JSON.stringify(await readCaddyConfig(await resolveRouterAdmin(docker, config.router))), /keep\.example\.test/);
  assert.ok(log.some((l) => /kept as running/.test(l)), log.join("\n"));
  assert.equal((await get("keep.example.test")).status, 502, "still routed, not the no-such-app fallback");
});

/** Runs a Node one-liner in a container on `network` and returns its exit code. */
async function exitCodeOnNetwork(network: string, script: string): Promise<number> {
  const container = await docker.createContainer({ Image: base.baseImages.node, Cmd: ["node", "-e", script], HostConfig: { NetworkMode: network } });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    return StatusCode;
  } finally {
    await container.remove({ force: true });
  }
}

test("apps on a network the router joins reach its HTTP port but not its admin API", { timeout: 120_000 }, async () => {
  await ensureRouter({ docker, config, log: () => {} });
  const network = `berth-test-admin-${run}`;
  await docker.createNetwork({ Name: network, Driver: "bridge", Labels: { "org.berth.test": "true" } });
  try {
    await docker.getNetwork(network).connect({ Container: config.router.containerName });
    const probe = (port: number) =>
      `require("node:net").connect(${port}, ${JSON.stringify(config.router.containerName)}).on("connect", () => process.exit(0)).on("error", () => process.exit(7))`;
    assert.equal(await exitCodeOnNetwork(network, probe(80)), 0, "the router's HTTP port is reachable (control)");
    assert.equal(await exitCodeOnNetwork(network, probe(2019)), 7, "Caddy's admin port is not listening on any network");
  } finally {
    await docker.getNetwork(network).disconnect({ Container: config.router.containerName, Force: true }).catch(() => undefined);
    await docker.getNetwork(network).remove();
  }
});

test("a router saved with the old TCP admin listener comes back on the socket with its routes", { timeout: 120_000 }, async () => {
  const routes = { routes: [{ id: "migrate-check", hosts: ["migrate.example.test"], upstreams: [{ dial: "127.0.0.1:9" }] }] };
  await ensureRouter({ docker, config, log: () => {}, routes });
  const volume = await docker.getVolume(`${config.router.containerName}-data`).inspect();
  const autosave = path.join(volume.Mountpoint, "config", "caddy", "autosave.json");
  assert.ok(existsSync(autosave), "Caddy saved its config on the volume");
  const saved = JSON.parse(readFileSync(autosave, "utf8"));
  saved.admin = { listen: "0.0.0.0:2019", config: { persist: true } };
  writeFileSync(autosave, JSON.stringify(saved));
  await removeContainer(docker, config.router.containerName); // an old container is replaced on upgrade

  const log: string[] = [];
  await ensureRouter({ docker, config, log: (l) => log.push(l) });
  assert.ok(log.some((l) => /moved the router's saved admin listener/.test(l)), log.join("\n"));
  const running = JSON.stringify(await readCaddyConfig(await resolveRouterAdmin(docker, config.router)));
  assert.match(running, /migrate\.example\.test/);
  assert.match(running, /unix\/\/data\/admin\.sock/);
});
