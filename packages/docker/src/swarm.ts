import type Docker from "dockerode";
import { describeEngine } from "./engine";

export type SwarmOutcome = "already-manager" | "initialized";

/**
 * Makes this engine a Swarm manager, initialising a one-node Swarm when the engine is not in one.
 * A worker, pending, locked or failed node is never "fixed" here: leaving or re-initialising would
 * break a cluster someone else set up, so the operator is told what to do instead.
 */
export async function ensureSwarmManager(docker: Docker, opts: { advertiseAddr: string }): Promise<SwarmOutcome> {
  const engine = await describeEngine(docker);
  switch (engine.swarm) {
    case "manager":
      return "already-manager";
    case "inactive":
      await docker.swarmInit({ ListenAddr: "0.0.0.0:2377", AdvertiseAddr: opts.advertiseAddr, ForceNewCluster: false });
      return "initialized";
    case "worker":
      throw new Error(
        `This Docker engine is a Swarm worker (node ${engine.nodeId ?? "?"}); Berth must run on a manager. ` +
          "Promote it from a manager with `docker node promote <node>`, or run Berth on a manager node.",
      );
    case "locked":
      throw new Error("This Docker engine's Swarm is locked. Unlock it with `docker swarm unlock` and run bring-up again.");
    case "pending":
      throw new Error("This Docker engine is still joining a Swarm (state: pending). Wait for it to finish, or run `docker swarm leave`, then retry.");
    case "error":
      throw new Error(
        "This Docker engine reports a Swarm error state. Inspect it with `docker info`; if the node should not be in that Swarm, " +
          "run `docker swarm leave --force` and retry bring-up.",
      );
  }
}
