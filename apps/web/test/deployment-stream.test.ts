import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@berth/config/config";
import { hashPassword } from "@berth/core/auth/password";
import { createSession } from "@berth/core/auth/sessions";
import { ensureMembership, ensureTenant } from "@berth/core/tenants/ensure-tenant";
import { SESSION_COOKIE_NAME } from "@berth/api/http/session-cookie";
import { createDb } from "@berth/db/client";

/**
 * The console's deployment log stream, against the running console (production build) and the
 * real database: lines written while a browser listens arrive; a reconnect with Last-Event-ID
 * gets exactly the missed lines; the stream ends after the final status; a member of another
 * tenant gets 404 and an anonymous caller 401.
 */
const config = loadConfig();
const db = createDb(config.postgres.url);
const WEB = `http://127.0.0.1:${config.web.port}`;
const suffix = randomBytes(4).toString("hex");
const tenants: string[] = [];
const emails: string[] = [];
let member = "";
let outsider = "";
let streamUrl = "";
let deploymentId = "";
let appName = "";
let tenantName = "";

interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

/** Reads server-sent events from a fetch response, one at a time. */
class SseReader {
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  closed = false;
  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }
  async next(): Promise<SseEvent | null> {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const e: SseEvent = { event: "message", id: null, data: "" };
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) e.event = line.slice(7);
          else if (line.startsWith("id: ")) e.id = line.slice(4);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (!data.length && e.id === null && e.event === "message") continue; // retry: and comments
        e.data = data.join("\n");
        return e;
      }
      const { value, done } = await this.reader.read();
      if (done) {
        this.closed = true;
        return null;
      }
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }
  /** Events until `stop` says so (inclusive). */
  async until(stop: (e: SseEvent) => boolean): Promise<SseEvent[]> {
    const out: SseEvent[] = [];
    for (;;) {
      const e = await this.next();
      if (!e) return out;
      out.push(e);
      if (stop(e)) return out;
    }
  }
  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}

function open(url: string, session: string | null, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers: { ...(session ? { cookie: `${SESSION_COOKIE_NAME}=${session}` } : {}), ...headers } });
}

async function addLines(from: number, to: number): Promise<void> {
  for (let seq = from; seq <= to; seq++) await db.deploymentLogLine.create({ data: { deploymentId, seq, line: `step ${seq}` } });
}

async function person(label: string, tenantId: string, role: "owner" | "viewer"): Promise<string> {
  const email = `stream-${label}-${suffix}@stream.berth.test`;
  emails.push(email);
  const user = await db.user.create({ data: { email, passwordHash: await hashPassword("stream test pw") }, select: { id: true } });
  await ensureMembership(db, { tenantId, userId: user.id, role });
  return (await createSession(db, { userId: user.id })).token;
}

before(async () => {
  tenantName = `stream-${suffix}`;
  const otherName = `stream-other-${suffix}`;
  tenants.push(tenantName, otherName);
  const t = await ensureTenant(db, { name: tenantName });
  const other = await ensureTenant(db, { name: otherName });
  member = await person("viewer", t.tenantId, "viewer");
  outsider = await person("outsider", other.tenantId, "owner");
  appName = `logs-${suffix}`;
  const app = await db.app.create({ data: { tenantId: t.tenantId, name: appName } });
  await db.app.create({ data: { tenantId: other.tenantId, name: appName } }); // the same name in the outsider's tenant
  const d = await db.deployment.create({ data: { appId: app.id, kind: "build", status: "building", description: "stream test" } });
  deploymentId = d.id;
  await addLines(1, 3);
  streamUrl = `${WEB}/api/streams/t/${tenantName}/apps/${appName}/deployments/${deploymentId}`;
});

after(async () => {
  await db.tenant.deleteMany({ where: { name: { in: tenants } } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.$disconnect();
});

describe("deployment log stream (SSE)", () => {
  test("a member gets the kept lines, then lines as they are written, each with its seq as the event id", async () => {
    const res = await open(streamUrl, member);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /text\/event-stream/);
    const sse = new SseReader(res);
    const first = await sse.until((e) => e.event === "status");
    assert.deepEqual(first.filter((e) => e.event === "line").map((e) => [e.id, e.data]), [["1", "step 1"], ["2", "step 2"], ["3", "step 3"]]);
    assert.equal(JSON.parse(first.at(-1)!.data).status, "building");
    await addLines(4, 5);
    const live = await sse.until((e) => e.id === "5");
    assert.deepEqual(live.map((e) => e.data), ["step 4", "step 5"]);
    await sse.cancel(); // the browser drops the connection after line 5
  });

  test("reconnecting with Last-Event-ID resumes after that line: nothing lost, nothing repeated; it ends after the final status", async () => {
    await addLines(6, 7); // written while nobody listened
    const sse = new SseReader(await open(streamUrl, member, { "last-event-id": "5" }));
    const resumed = await sse.until((e) => e.id === "7");
    assert.deepEqual(resumed.filter((e) => e.event === "line").map((e) => e.id), ["6", "7"]);
    await addLines(8, 8);
    await db.deployment.update({ where: { id: deploymentId }, data: { status: "live", finishedAt: new Date() } });
    const rest = await sse.until((e) => e.event === "end");
    assert.deepEqual(rest.filter((e) => e.event === "line").map((e) => e.id), ["8"]);
    // A reconnected stream states the status once, then each change.
    assert.deepEqual([...resumed, ...rest].filter((e) => e.event === "status").map((e) => JSON.parse(e.data).status), ["building", "live"]);
    assert.equal(JSON.parse(rest.at(-1)!.data).status, "live");
    assert.equal(await sse.next(), null, "the server closes the stream after end");
  });

  test("a finished deployment replays its whole log, then ends", async () => {
    const sse = new SseReader(await open(streamUrl, member));
    const all = await sse.until((e) => e.event === "end");
    assert.deepEqual(all.filter((e) => e.event === "line").map((e) => Number(e.id)), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test("a member of another tenant gets 404, also through their own app of the same name; no session gets 401", async () => {
    const cross = await open(streamUrl, outsider);
    assert.equal(cross.status, 404);
    assert.doesNotMatch(await cross.text(), /step|stream test/);
    const viaOwnTenant = await open(`${WEB}/api/streams/t/stream-other-${suffix}/apps/${appName}/deployments/${deploymentId}`, outsider);
    assert.equal(viaOwnTenant.status, 404, "a deployment id is only found under its own app");
    await viaOwnTenant.text();
    const events = await open(`${WEB}/api/streams/t/${tenantName}/apps/${appName}/events`, outsider);
    assert.equal(events.status, 404);
    await events.text();
    for (const other of [`/t/${tenantName}/events`, `/t/${tenantName}/apps/${appName}/logs`]) {
      const res = await open(`${WEB}/api/streams${other}`, outsider);
      assert.equal(res.status, 404, `${other} across tenants`);
      await res.text();
    }
    const anonymous = await open(streamUrl, null);
    assert.equal(anonymous.status, 401);
    await anonymous.text();
  });

  test("the tenant stream tells a member that something changed", async () => {
    const sse = new SseReader(await open(`${WEB}/api/streams/t/${tenantName}/events`, member));
    const [changed] = await sse.until((e) => e.event === "changed");
    assert.equal(JSON.parse(changed!.data).apps, 1);
    await sse.cancel();
  });

  test("the app state stream tells a member the newest deployment and its status", async () => {
    const sse = new SseReader(await open(`${WEB}/api/streams/t/${tenantName}/apps/${appName}/events`, member));
    const [state] = await sse.until((e) => e.event === "state");
    assert.deepEqual(JSON.parse(state!.data), { latestDeployment: { id: deploymentId, status: "live" }, currentVersion: null });
    await sse.cancel();
  });
});
