"use client";

import { useState } from "react";
import { Card } from "../../../../../../components/card";
import { ConfirmButton } from "../../../../../../components/confirm-button";
import { DeploymentLog } from "../../../../../../components/deployment-log";
import { FormError } from "../../../../../../components/form-error";
import { cardClass, secondaryButtonClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { StatusBadge } from "../../../../../../components/status-badge";
import { formatAgo, formatDateTime } from "../../../../../../lib/format";
import { trpc } from "../../../../../../lib/trpc-client";
import { useAction } from "../../../../../../lib/use-action";
import { useAppEvents } from "../../../../../../lib/use-app-events";
import { useLoad } from "../../../../../../lib/use-load";

export function ReleasesPanel({ tenant, app }: { tenant: string; app: string }) {
  const releases = useLoad(() => trpc.releases.list.query({ tenant, app, limit: 100 }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  useAppEvents(tenant, app, () => void releases.reload());
  const [following, setFollowing] = useState<{ deploymentId: string; toVersion: number } | null>(null);
  const rollback = useAction(async (version: number) => {
    const started = await trpc.releases.rollback.mutate({ tenant, app, version });
    setFollowing(started);
    return started;
  });
  const canDeploy = me.data ? me.data.myRole !== "viewer" : false;

  return (
    <div className="space-y-6">
      {following && (
        <Card
          id="rollback-progress"
          title={<>Rolling back to v{following.toVersion}</>}
          testId="rollback-progress"
          action={
            <button type="button" className={secondaryButtonClass} onClick={() => setFollowing(null)}>
              Hide
            </button>
          }
        >
          <div className="mt-3">
            <DeploymentLog tenant={tenant} app={app} deploymentId={following.deploymentId} onEnd={() => void releases.reload()} />
          </div>
        </Card>
      )}
      <FormError message={rollback.error} testId="rollback-error" />
      <section className={cardClass} aria-label="Releases">
        {me.data?.myRole === "viewer" && <p className="mb-3 text-sm text-slate-500" data-testid="viewer-note">You are a viewer here: you can see releases but not roll back.</p>}
        <Section data={releases.data} error={releases.error} loading="Loading releases…">
          {(rows) =>
            rows.length === 0 ? (
              <Empty testId="releases-empty">No releases yet. The first push makes v1.</Empty>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="release-list">
                {rows.map((r) => (
                  <li key={r.version} data-testid={`release-v${r.version}`} data-current={r.current ? "true" : "false"} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="text-sm">
                        <span className="font-mono font-semibold">v{r.version}</span> · {r.description}
                        {r.current && <span className="ml-2 rounded-full bg-slate-900 px-2 py-0.5 text-xs text-white">current</span>}
                      </p>
                      <p className="truncate text-xs text-slate-500" title={formatDateTime(r.createdAt)}>
                        {r.kind} · {formatAgo(r.createdAt)}
                        {r.createdBy ? ` · ${r.createdBy}` : ""} · <span className="font-mono">{r.imageDigest.slice(7, 19)}</span>
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      <StatusBadge status={r.status} />
                      {canDeploy && !r.current && (
                        <ConfirmButton
                          label={`Roll back to v${r.version}`}
                          question={`Make a new release with v${r.version}'s image and config?`}
                          confirmLabel="Roll back"
                          pending={rollback.pending}
                          testId={`rollback-v${r.version}`}
                          onConfirm={async () => void (await rollback.run(r.version))}
                        />
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Section>
      </section>
    </div>
  );
}
