import type { BerthConfig } from "@berth/config/config";
import type { DockerClient } from "@berth/docker/engine";
import { containerLogTail, listServiceTasks, type TaskSummary } from "@berth/docker/services";
import { askRouterForHost } from "@berth/router/probe";
import { DeploymentFailure } from "./deployment-failure";
import { RELEASE_LABEL } from "./runtime-names";

const POLL_MS = 1_000;
const FAILED_STATES = ["failed", "rejected", "complete", "orphaned"];
/** Swarm restarts a crashing task; this many dead tasks of the new release is a verdict, not bad luck. */
const MAX_DEAD_TASKS = 3;
const LOG_LINES = 20;

export interface WaitForReleaseInput {
  serviceName: string;
  releaseId: string;
  host: string;
  timeoutMs: number;
  signal: AbortSignal;
  onProgress?: (line: string) => void;
}

/**
 * Waits until the release serves through the router: first every running task belongs to the new
 * release (so the answer cannot come from the old one), then a request with the
 * app's Host gets an answer from the app. Throws a DeploymentFailure with the task's error and its
 * container's last lines when tasks keep dying or the time is up.
 */
export async function waitForRelease(docker: DockerClient, config: Pick<BerthConfig, "router">, input: WaitForReleaseInput): Promise<void> {
  const deadline = Date.now() + input.timeoutMs;
  let lastSeen = "";
  let reported = "";
  while (Date.now() < deadline) {
    input.signal.throwIfAborted();
    const tasks = await listServiceTasks(docker, input.serviceName);
    const mine = tasks.filter((t) => t.labels[RELEASE_LABEL] === input.releaseId);
    const dead = mine.filter((t) => FAILED_STATES.includes(t.state));
    if (dead.length >= MAX_DEAD_TASKS || dead.some((t) => t.state === "complete")) {
      throw new DeploymentFailure(await describeDeadTask(docker, dead[0] as TaskSummary, "The new release's container keeps stopping"));
    }
    // Ready = Swarm wants only new tasks AND no old task still runs: start-first keeps the old one up
    // until the new one is healthy, and until it has stopped the router may still reach it (its
    // pooled keep-alive connections, or a cached DNS answer).
    const live = tasks.filter((t) => t.desiredState === "running" || t.state === "running");
    const ready = live.length > 0 && live.every((t) => t.labels[RELEASE_LABEL] === input.releaseId && t.state === "running" && t.desiredState === "running");
    const newest = mine[0];
    const state = newest ? `task ${newest.state}` : "no task yet";
    if (state !== reported) {
      input.onProgress?.(`       ${state}${newest?.error ? ` (${newest.error})` : ""}`);
      reported = state;
    }
    if (ready) {
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
  const tasks = (await listServiceTasks(docker, input.serviceName)).filter((t) => t.labels[RELEASE_LABEL] === input.releaseId);
  const why = `The new release did not answer through the router within ${Math.round(input.timeoutMs / 1000)} s${lastSeen ? ` (${lastSeen})` : ""}. ` +
    "Check that the app listens on 0.0.0.0:$PORT";
  throw new DeploymentFailure(tasks[0] ? await describeDeadTask(docker, tasks[0], why) : `${why}; Swarm never started a task for it.`);
}

async function describeDeadTask(docker: DockerClient, task: TaskSummary, headline: string): Promise<string> {
  const parts = [`${headline}${task.error ? ` (Swarm: ${task.error})` : ""}.`];
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
