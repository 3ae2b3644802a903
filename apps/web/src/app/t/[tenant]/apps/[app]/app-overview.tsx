"use client";

import Link from "next/link";
import { Card } from "../../../../../components/card";
import { Section } from "../../../../../components/section-states";
import { StatusBadge } from "../../../../../components/status-badge";
import { formatAgo } from "../../../../../lib/format";
import { trpc } from "../../../../../lib/trpc-client";
import { useAppEvents } from "../../../../../lib/use-app-events";
import { useLoad } from "../../../../../lib/use-load";
import { DestroyApp } from "./destroy-app";
import { PushInstructions } from "./push-instructions";

export function AppOverview({ tenant, app, justCreated }: { tenant: string; app: string; justCreated: boolean }) {
  const overview = useLoad(() => trpc.console.app.query({ tenant, app }), { refreshMs: 10_000 });
  // Status changes arrive as server-sent events; each one refreshes the overview at once.
  useAppEvents(tenant, app, () => void overview.reload());
  const base = `/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}`;

  return (
    <Section data={overview.data} error={overview.error} loading="Loading the app…">
      {(o) => (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card id="state" title="Status" action={<StatusBadge status={o.status} testId="app-status" />}>
            <dl className="mt-3 space-y-2 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-slate-500">URL</dt>
                <dd>
                  <a href={o.webUrl} target="_blank" rel="noreferrer" className="break-all font-mono text-slate-900 underline" data-testid="app-url">
                    {o.webUrl}
                  </a>
                </dd>
              </div>
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-slate-500">Release</dt>
                <dd data-testid="current-release" data-version={o.currentRelease?.version ?? ""}>
                  {o.currentRelease ? `v${o.currentRelease.version} · ${o.currentRelease.description} · ${formatAgo(o.currentRelease.createdAt)}` : "none yet"}
                </dd>
              </div>
              {o.latestDeployment && (
                <div className="flex flex-wrap justify-between gap-2">
                  <dt className="text-slate-500">Last deployment</dt>
                  <dd className="flex items-center gap-2">
                    <Link href={`${base}/deployments/${o.latestDeployment.id}`} className="underline" data-testid="latest-deployment">
                      {o.latestDeployment.description}
                    </Link>
                    <StatusBadge status={o.latestDeployment.status} />
                  </dd>
                </div>
              )}
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-slate-500">Your role</dt>
                <dd>{o.myRole}</dd>
              </div>
            </dl>
            {o.lastDeployFailed && o.latestDeployment && (
              <p role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
                The last deployment failed{o.latestDeployment.failureReason ? `: ${o.latestDeployment.failureReason}` : ""}. The previous release keeps serving.
              </p>
            )}
          </Card>
          <Instances tenant={tenant} app={app} hasRelease={o.currentRelease !== null} />
          {(justCreated || !o.currentRelease) && <PushInstructions tenant={tenant} app={app} gitUrl={o.gitUrl} highlight={justCreated} />}
          {(o.myRole === "admin" || o.myRole === "owner") && <DestroyApp tenant={tenant} app={app} />}
        </div>
      )}
    </Section>
  );
}

/** Every process type's instances with their state and health, from the runtime API. */
function Instances({ tenant, app, hasRelease }: { tenant: string; app: string; hasRelease: boolean }) {
  const ps = useLoad(() => trpc.processes.list.query({ tenant, app }), { refreshMs: 5_000 });
  const instances = ps.data?.processes.flatMap((p) => p.instances.map((i) => ({ ...i, type: p.type }))) ?? [];
  return (
    <Card
      id="instances"
      title="Instances"
      action={
        <Link href={`/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/scaling`} className="text-sm underline">
          Scale
        </Link>
      }
    >
      <Section data={ps.data} error={ps.error} loading="Asking the runtime…">
        {() =>
          instances.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500">{hasRelease ? "No instance is running." : "Nothing runs until the first push."}</p>
          ) : (
            <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="instance-list">
              {instances.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-mono text-xs">
                    {i.type}.{i.id.slice(0, 12)}
                  </span>
                  <span className="text-xs text-slate-500">
                    {i.releaseVersion ? `v${i.releaseVersion}` : ""}
                    {i.startedAt ? ` · started ${formatAgo(i.startedAt)}` : ""} · health {i.health}
                  </span>
                  <StatusBadge status={i.state} />
                  {i.error && <span className="w-full text-xs text-red-700">{i.error}</span>}
                </li>
              ))}
            </ul>
          )
        }
      </Section>
    </Card>
  );
}
