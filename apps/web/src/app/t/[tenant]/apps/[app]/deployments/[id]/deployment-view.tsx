"use client";

import Link from "next/link";
import { DeploymentLog } from "../../../../../../../components/deployment-log";
import { cardClass } from "../../../../../../../components/form-styles";
import { Section } from "../../../../../../../components/section-states";
import { formatDateTime } from "../../../../../../../lib/format";
import { trpc } from "../../../../../../../lib/trpc-client";
import { useLoad } from "../../../../../../../lib/use-load";
import { BuildPlan } from "./build-plan";

export function DeploymentView({ tenant, app, deploymentId }: { tenant: string; app: string; deploymentId: string }) {
  const detail = useLoad(() => trpc.console.deployment.query({ tenant, app, deploymentId }));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/deployments`} className="underline">
          ← All deployments
        </Link>
      </p>
      <Section data={detail.data} error={detail.error} loading="Loading the deployment…">
        {(d) => (
          <section className={cardClass} aria-labelledby="deployment">
            <h2 id="deployment" className="text-base font-semibold">
              {d.description}
            </h2>
            <p className="mt-1 text-xs text-slate-500">
              {d.kind} · started {formatDateTime(d.createdAt)}
              {d.finishedAt ? ` · finished ${formatDateTime(d.finishedAt)}` : ""}
              {d.commitSha ? ` · commit ${d.commitSha.slice(0, 7)}` : ""}
            </p>
            {d.buildPlan != null && <BuildPlan plan={d.buildPlan} />}
          </section>
        )}
      </Section>
      <section className={cardClass} aria-label="Log">
        <DeploymentLog tenant={tenant} app={app} deploymentId={deploymentId} onEnd={() => void detail.reload()} />
      </section>
    </div>
  );
}
