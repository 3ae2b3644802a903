import type { BerthConfig } from "@berth/config/config";
import { containerHealth } from "@berth/docker/container-health";
import type { DockerClient } from "@berth/docker/engine";
import { containerLogTail, inspectService, listServiceNames, listServiceTasks, type TaskSummary } from "@berth/docker/services";
import { DNS_REFRESH_MS } from "@berth/router/caddy-config";
import { askRouterForHost } from "@berth/router/probe";
import { routerLookup } from "@berth/router/router-dns";
import { DeploymentFailure } from "./deployment-failure";
import { APP_ID_LABEL, appServiceName, RELEASE_LABEL } from "./runtime-names";

/** Swarm's task list and the router are cheap to ask; a slower poll would add up to this much to every deploy. */
const POLL_MS = 100;
const FAILED_STATES = ["failed", "rejected", "complete", "orphaned", "shutdown"];
/** Swarm restarts a crashing (or unhealthy) task; this many dead tasks of the new release is a verdict, not bad luck. */
const MAX_DEAD_TASKS = 3;
const LOG_LINES = 20;
/**
 * Swarm takes a replaced task out of the service's DNS name when its node starts shutting it down,
 * then waits ~2 s (its gossip delay) before sending SIGTERM, so in-flight requests finish. The node
 * starts that shutdown up to about a second after the manager no longer wants the task (seen in the
 * engine's debug log: its task manager retries after a 1 s back-off). So once the new tasks run,
 * the rollout asks the router's own resolver for the web service's name until no old task's
 * address is in the answer; the router looks the name up every DNS_REFRESH_MS, so after that (and
 * a margin for a lookup in flight) no new request can reach an old task: the release serves.
 * Waiting for the old container to be gone would only add Swarm's gossip delay to every deploy.
 */
const ROUTER_LOOKUP_MARGIN_MS = DNS_REFRESH_MS + 100;
/** When the router cannot be asked: the longest Swarm was seen to take, plus the refresh and a margin. */
const SWARM_UNBIND_LAG_MS = 1_000;
const ROUTER_FORGETS_OLD_MS = SWARM_UNBIND_LAG_MS + DNS_REFRESH_MS + 300;
/**
 * When the router still lists an old task this long after the switch, Swarm is slow to stop it;
 * it still answers correctly (it is the previous release, draining), so the rollout does not fail
 * for it and calls the release live.
 */
const OLD_TASK_UNBIND_LIMIT_MS = 10_000;

export interface WaitForReleaseInput {
  /** Every process type's service of the app is waited for. */
  appId: string;
  releaseId: string;
  host: string;
  timeoutMs: number;
  signal: AbortSignal;
  onProgress?: (line: string) => void;
}

interface ServiceProgress {
  name: string;
  /** Enough new tasks run healthy and no old task is wanted any more (it may still be draining). */
  switched: boolean;
  /** Some old task has not stopped yet (it is out of DNS, finishing its in-flight requests). */
  draining: boolean;
  /** The addresses of old tasks still running. */
  oldAddresses: string[];
  /** Tasks of the new release that died (failed health checks count: Swarm kills unhealthy tasks). */
  dead: TaskSummary[];
  newest: TaskSummary | undefined;
}

/**
 * Waits until the release serves: for every process-type service of the app, as many tasks of the
 * new release are running as the service wants and no older task still runs. Swarm reports a task
 * with a health check as running only once the check passed, and only then puts it into the
 * service's DNS name, which is all the router dials — so "running" here means healthy and taking
 * traffic. Then a request with the app's Host must get an answer through the router. Throws a
 * DeploymentFailure with the last health-check output and the container's last lines when tasks
 * keep dying or the time is up.
 */
export async function waitForRelease(docker: DockerClient, config: Pick<BerthConfig, "router">, input: WaitForReleaseInput): Promise<void> {
  const deadline = Date.now() + input.timeoutMs;
  const { appId } = input;
  const webService = appServiceName(appId);
  let lastSeen = "";
  const reported = new Map<string, string>();
  /** When each service was first seen switched to the new release. */
  const switchedAt = new Map<string, number>();
  /** When the router's resolver first answered for the web service without any old task. */
  let routerForgotAt: number | undefined;
  /** The router could not be asked (then the fixed wait applies). */
  let routerUnasked = false;
  while (Date.now() < deadline) {
    input.signal.throwIfAborted();
    const services = await listServiceNames(docker, { [APP_ID_LABEL]: appId });
    const progress = await Promise.all(services.map((name) => serviceProgress(docker, name, input.releaseId)));
    for (const p of progress) {
      if (p.dead.length >= MAX_DEAD_TASKS || p.dead.some((t) => t.state === "complete")) {
        throw new DeploymentFailure(await describeTask(docker, p.dead[0] as TaskSummary, `The new release's ${processOf(p.name)} instances keep stopping`));
      }
      const state = p.newest ? `task ${p.newest.state}` : "no task yet";
      if (reported.get(p.name) !== state) {
        input.onProgress?.(`       ${processOf(p.name)}: ${state}${p.newest?.error ? ` (${p.newest.error})` : ""}`);
        reported.set(p.name, state);
      }
    }
    const now = Date.now();
    for (const p of progress) {
      if (!p.switched) switchedAt.delete(p.name);
      else if (!switchedAt.has(p.name)) switchedAt.set(p.name, now);
    }
    const web = progress.find((p) => p.name === webService);
    if (!web?.switched) routerForgotAt = undefined;
    else if (web.draining && !routerForgotAt) {
      const answer = web.oldAddresses.length ? await routerLookup(docker, config.router, webService) : null;
      routerUnasked = answer === null;
      if (answer && !web.oldAddresses.some((a) => answer.includes(a))) routerForgotAt = now;
    }
    // Only web is routed: other process types are ready once their new tasks run.
    const ready = (p: ServiceProgress) => {
      if (!p.switched || !p.draining || p !== web) return p.switched;
      if (routerForgotAt) return now - routerForgotAt >= ROUTER_LOOKUP_MARGIN_MS;
      const sinceSwitch = now - (switchedAt.get(p.name) ?? now);
      return sinceSwitch >= (routerUnasked ? ROUTER_FORGETS_OLD_MS : OLD_TASK_UNBIND_LIMIT_MS);
    };
    if (progress.length > 0 && progress.every(ready)) {
      // A stopped app (0 instances) or one without a web process has nothing to ask the router.
      const webRuns = web ? ((await inspectService(docker, webService))?.spec.Mode?.Replicated?.Replicas ?? 0) > 0 : false;
      if (!webRuns) return;
      try {
        const answer = await askRouterForHost(config.router.url, input.host, 10_000);
        if (answer.appAnswered) return;
        lastSeen = answer.isFallback ? "the router has no route for the app yet" : `the router answered HTTP ${answer.status}`;
      } catch (err) {
        lastSeen = `the router did not answer: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    await sleep(POLL_MS, input.signal);
  }
  const tasks = (await listServiceTasks(docker, webService)).filter((t) => t.labels[RELEASE_LABEL] === input.releaseId);
  const why =
    `The new release did not become healthy and answer through the router within ${Math.round(input.timeoutMs / 1000)} s${lastSeen ? ` (${lastSeen})` : ""}. ` +
    "Check that the app listens on 0.0.0.0:$PORT and passes its health check";
  throw new DeploymentFailure(tasks[0] ? await describeTask(docker, tasks[0], why) : `${why}; Swarm never started a task for it.`);
}

async function serviceProgress(docker: DockerClient, name: string, releaseId: string): Promise<ServiceProgress> {
  const [service, tasks] = await Promise.all([inspectService(docker, name), listServiceTasks(docker, name)]);
  const wanted = service?.spec.Mode?.Replicated?.Replicas ?? 0;
  const mine = tasks.filter((t) => t.labels[RELEASE_LABEL] === releaseId);
  const dead = mine.filter((t) => FAILED_STATES.includes(t.state) && t.desiredState !== "running" && !isScaleDown(t));
  // Switched = as many new tasks run (healthy) as wanted AND Swarm wants no old task any more:
  // start-first keeps the old one up until the new one is healthy. An old task still running is
  // draining: out of DNS, finishing its in-flight requests (see ROUTER_FORGETS_OLD_MS).
  const runningNew = tasks.filter((t) => t.labels[RELEASE_LABEL] === releaseId && t.state === "running" && t.desiredState === "running");
  const wantedOld = tasks.filter((t) => t.labels[RELEASE_LABEL] !== releaseId && t.desiredState === "running");
  const oldRunning = tasks.filter((t) => t.labels[RELEASE_LABEL] !== releaseId && t.state === "running");
  return {
    name,
    switched: runningNew.length >= wanted && wantedOld.length === 0,
    draining: oldRunning.length > 0,
    oldAddresses: oldRunning.flatMap((t) => t.addresses),
    dead,
    newest: mine[0],
  };
}

/** A task shut down because the service was scaled down or updated is not a crash. */
function isScaleDown(t: TaskSummary): boolean {
  return t.state === "shutdown" && !t.error;
}

function processOf(serviceName: string): string {
  return serviceName.slice(serviceName.lastIndexOf("-") + 1);
}

/** The task's error, the last health-check results and the last log lines of its container. */
export async function describeTask(docker: DockerClient, task: TaskSummary, headline: string): Promise<string> {
  const parts = [`${headline}${task.error ? ` (Swarm: ${task.error})` : ""}.`];
  const health = task.containerId ? await containerHealth(docker, task.containerId).catch(() => null) : null;
  if (health && health.status !== "none" && health.lastOutputs.length) {
    parts.push(`Last health check: ${health.lastOutputs[health.lastOutputs.length - 1]}`);
  }
  if (health?.oomKilled) parts.push("It ran out of memory (its memory limit was reached).");
  const lines = task.containerId ? await containerLogTail(docker, task.containerId, LOG_LINES).catch(() => []) : [];
  parts.push(lines.length ? `Last lines of its log:\n${lines.map((l) => `  ${l}`).join("\n")}` : "Its container wrote nothing to its log.");
  return parts.join("\n");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
