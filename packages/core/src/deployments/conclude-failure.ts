import { appUrl } from "../apps/app-url";
import { configKeyOf, decryptConfigMap } from "../crypto/config-cipher";
import { applyReleaseService } from "./apply-release-service";
import type { PipelineDeps } from "./deployment-deps";
import { DeploymentCancelled, failureMessage } from "./deployment-failure";
import type { DeploymentLog } from "./deployment-log";
import { endDeployment } from "./deployment-transitions";
import type { LoadedDeployment } from "./load-deployment";
import { removeAppRuntime } from "./remove-app-runtime";
import { syncRoutes } from "./sync-routes";
import { waitForRelease } from "./wait-for-release";
import { appHost } from "../apps/app-url";

const RESTORE_WAIT_MS = 60_000;

/**
 * Ends a deployment as failed (or cancelled, when a cancel request stopped it), and makes sure the previous release keeps serving: when the service
 * was already pointed at the new release it is put back (or removed, when nothing served before),
 * and the routes are re-synced. The log's last line says what serves now; it is written before the
 * status changes, so whoever follows the log sees it.
 */
export async function concludeFailure(
  deps: PipelineDeps,
  deployment: LoadedDeployment,
  log: DeploymentLog,
  err: unknown,
  opts: { serviceTouched: boolean; releaseId?: string },
): Promise<"failed" | "cancelled"> {
  const cancelled = err instanceof DeploymentCancelled;
  const reason = failureMessage(err);
  deps.log(`deployment ${deployment.id} ${cancelled ? "cancelled" : "failed"}: ${reason.split("\n")[0]}`);
  log.line(cancelled ? "-----> Cancelled on request; stopping" : `!!!!!> ${reason}`);
  const { app } = deployment;
  const previous = app.currentRelease?.status === "live" ? app.currentRelease : null;
  const url = appUrl(deps.config, app.tenant.name, app.name);

  let restored = true;
  if (opts.serviceTouched) {
    // The job's own deadline may have passed: restoring gets a fresh one.
    const signal = AbortSignal.timeout(RESTORE_WAIT_MS + 30_000);
    try {
      if (previous) {
        log.line(`-----> Putting v${previous.version} back`);
        await applyReleaseService(deps, app, { ...previous, config: decryptConfigMap(configKeyOf(deps.config), previous.config) });
        await syncRoutes(deps);
        await waitForRelease(deps.docker, deps.config, {
          appId: app.id,
          releaseId: previous.id,
          host: appHost(deps.config, app.tenant.name, app.name),
          timeoutMs: RESTORE_WAIT_MS,
          signal,
        });
      } else {
        // Every process type's service goes, and the route with them.
        await removeAppRuntime(deps, app.id);
      }
    } catch (restoreErr) {
      restored = false;
      const detail = restoreErr instanceof Error ? restoreErr.message : String(restoreErr);
      deps.log(`deployment ${deployment.id}: restoring the previous release failed: ${detail}`);
      log.line(`!!!!!> Putting the previous release back did not complete: ${detail.split("\n")[0]}`);
    }
  }
  if (previous && restored) log.line(`Release v${previous.version} is still serving at ${url}`);
  else if (previous) log.line(`Release v${previous.version} should still be serving at ${url}; an operator should check the app.`);
  else log.line(`Nothing was serving before this deployment, so ${url} stays offline until a deployment succeeds.`);

  try {
    await log.flush();
  } catch (logErr) {
    deps.log(`deployment ${deployment.id}: writing its log failed: ${logErr instanceof Error ? logErr.message : String(logErr)}`);
  }
  if (opts.releaseId) await deps.db.release.updateMany({ where: { id: opts.releaseId, status: "pending" }, data: { status: "failed" } });
  await endDeployment(deps.db, deployment.id, cancelled ? "cancelled" : "failed", reason);
  return cancelled ? "cancelled" : "failed";
}
