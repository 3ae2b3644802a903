import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { after, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { checkPlatformHealth } from "../src/health/check-platform-health";
import { probeRedis } from "../src/health/probe-redis";
import { openTestDb } from "./helpers";

const config = loadConfig();
const db = openTestDb();
after(() => db.$disconnect());

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("every component is reported with a sentence; the services this host runs are healthy", async () => {
  const health = await checkPlatformHealth({ config, db });
  assert.deepEqual(
    health.components.map((c) => c.name),
    ["postgres", "redis", "docker", "registry", "router"],
  );
  assert.ok(!Number.isNaN(Date.parse(health.checkedAt)));
  for (const c of health.components) {
    assert.ok(c.label.length > 0);
    assert.match(c.reason, /^[A-Z].*\.$/, `${c.name}: a sentence, got "${c.reason}"`);
    assert.ok(c.latencyMs >= 0 && c.latencyMs < 2_500, `${c.name}: ${c.latencyMs} ms`);
  }
  const byName = Object.fromEntries(health.components.map((c) => [c.name, c]));
  // The router is started by bring-up and may be absent on a developer machine; the others must answer.
  for (const name of ["postgres", "redis", "docker", "registry"]) {
    assert.equal(byName[name]?.ok, true, `${name}: ${byName[name]?.reason}`);
  }
  assert.match(byName.postgres!.reason, /^PostgreSQL \d+(\.\d+)* answered in \d+ ms\.$/);
  assert.match(byName.redis!.reason, /answered PING in \d+ ms/);
  assert.match(byName.docker!.reason, /Swarm manager/);
  assert.equal(health.ok, health.components.every((c) => c.ok));
  assert.ok(health.worker.lastSeenAt === null || !Number.isNaN(Date.parse(health.worker.lastSeenAt)));
});

test("a component on a closed port is reported down with the cause and the command that starts it", async () => {
  const port = await closedPort();
  const broken = loadConfig({ ...process.env, BERTH_REDIS_PORT: String(port), BERTH_REGISTRY_PORT: String(port), BERTH_ROUTER_PORT: String(port) });
  const health = await checkPlatformHealth({ config: broken, db });
  const byName = Object.fromEntries(health.components.map((c) => [c.name, c]));

  assert.equal(health.ok, false);
  assert.equal(byName.redis?.ok, false);
  assert.equal(
    byName.redis?.reason,
    `Redis at 127.0.0.1:${port} refused the connection (ECONNREFUSED). Start it with \`npm run platform -- start redis\`.`,
  );
  assert.equal(byName.registry?.ok, false);
  assert.match(byName.registry!.reason, new RegExp(`^The registry at 127\\.0\\.0\\.1:${port} refused the connection \\(ECONNREFUSED\\)\\.`));
  assert.equal(byName.router?.ok, false);
  assert.match(byName.router!.reason, /refused the connection \(ECONNREFUSED\)\. Start it with `npm run platform -- start router`\.$/);
  assert.equal(byName.postgres?.ok, true, "the other probes are unaffected");
});

test("Docker on a socket that does not exist is reported down", async () => {
  const broken = loadConfig({ ...process.env, BERTH_DOCKER_SOCKET: "/run/berth-tests-no-such-docker.sock" });
  const health = await checkPlatformHealth({ config: broken, db });
  const docker = health.components.find((c) => c.name === "docker");
  assert.equal(docker?.ok, false);
  assert.match(docker!.reason, /^Docker at \/run\/berth-tests-no-such-docker\.sock does not exist \(ENOENT\)\./);
});

test("PostgreSQL on a closed port is reported down, and the worker heartbeat becomes unknown", async () => {
  const port = await closedPort();
  const broken = loadConfig({ ...process.env, BERTH_PG_PORT: String(port), DATABASE_URL: "" });
  const { createDb } = await import("@berth/db/client");
  const brokenDb = createDb(broken.postgres.url);
  try {
    const health = await checkPlatformHealth({ config: broken, db: brokenDb });
    const postgres = health.components.find((c) => c.name === "postgres");
    assert.equal(postgres?.ok, false);
    assert.equal(
      postgres?.reason,
      `PostgreSQL at 127.0.0.1:${port} cannot be reached (connection refused or unknown host). Start it with \`npm run platform -- start postgres\`.`,
    );
    assert.equal(health.worker.lastSeenAt, null);
  } finally {
    await brokenDb.$disconnect();
  }
});

test("a listener that accepts the connection but never answers is reported down when the deadline passes", async () => {
  // Not a stand-in for Redis: this checks the probe deadline, which a healthy Redis never reaches.
  const sockets: Socket[] = [];
  const silent: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  try {
    const config2 = loadConfig({ ...process.env, BERTH_REDIS_PORT: String(port) });
    const started = Date.now();
    const result = await probeRedis({ config: config2, timeoutMs: 300 });
    assert.equal(result.ok, false);
    assert.match(result.reason, new RegExp(`^Redis at 127\\.0\\.0\\.1:${port} did not answer within 0\\.3 s\\.`));
    assert.ok(Date.now() - started < 1_500);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

test("the worker's latest heartbeat is reported", async () => {
  const id = `core-test-${process.pid}-${Date.now()}`;
  const lastSeenAt = new Date(Date.now() + 60_000); // later than any real worker's, so it is the latest
  await db.workerHeartbeat.create({ data: { id, hostname: "test", pid: process.pid, startedAt: new Date(), lastSeenAt } });
  try {
    const health = await checkPlatformHealth({ config, db });
    assert.equal(health.worker.lastSeenAt, lastSeenAt.toISOString());
  } finally {
    await db.workerHeartbeat.delete({ where: { id } });
  }
});
