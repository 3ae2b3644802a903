"use client";

import Link from "next/link";
import { Card } from "../../../../../../../components/card";
import { ConfirmButton } from "../../../../../../../components/confirm-button";
import { DeploymentLog } from "../../../../../../../components/deployment-log";
import { FormError } from "../../../../../../../components/form-error";
import { cardClass } from "../../../../../../../components/form-styles";
import { Section } from "../../../../../../../components/section-states";
import { formatDateTime } from "../../../../../../../lib/format";
import { trpc } from "../../../../../../../lib/trpc-client";
import { useAction } from "../../../../../../../lib/use-action";
import { useLoad } from "../../../../../../../lib/use-load";

const FINAL = new Set(["live", "failed", "cancelled"]);
import { BuildPlan } from "./build-plan";

export function DeploymentView({ tenant, app, deploymentId }: { tenant: string; app: string; deploymentId: string }) {
  const detail = useLoad(() => trpc.console.deployment.query({ tenant, app, deploymentId }));
  const me = useLoad(() => trpc.console.app.query({ tenant, app }));
  const cancel = useAction(async () => {
    await trpc.deployments.cancel.mutate({ tenant, app, deploymentId });
    await detail.reload();
  });
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/deployments`} className="underline">
          ← All deployments
        </Link>
      </p>
      <Section data={detail.data} error={detail.error} loading="Loading the deployment…">
        {(d) => (
          <Card id="deployment" title={d.description}>
            <p className="mt-1 text-xs text-slate-500">
              {d.kind} · started {formatDateTime(d.createdAt)}
              {d.finishedAt ? ` · finished ${formatDateTime(d.finishedAt)}` : ""}
              {d.commitSha ? ` · commit ${d.commitSha.slice(0, 7)}` : ""}
            </p>
            {!FINAL.has(d.status) && me.data && me.data.myRole !== "viewer" && (
              <div className="mt-3">
                <ConfirmButton
                  label="Cancel deployment"
                  question="Stop this deployment? A build is killed; a rollout goes back to the release that served before."
                  confirmLabel="Cancel it"
                  pending={cancel.pending}
                  onConfirm={() => cancel.run().then(() => undefined)}
                  testId="cancel-deployment"
                />
                <FormError message={cancel.error} />
              </div>
            )}
            {d.buildPlan != null && <BuildPlan plan={d.buildPlan} />}
          </Card>
        )}
      </Section>
      <section className={cardClass} aria-label="Log">
        <DeploymentLog tenant={tenant} app={app} deploymentId={deploymentId} onEnd={() => void detail.reload()} />
      </section>
    </div>
  );
}
