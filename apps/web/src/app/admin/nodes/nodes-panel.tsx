"use client";

import { cardClass } from "../../../components/form-styles";
import { Section } from "../../../components/section-states";
import { StatusBadge } from "../../../components/status-badge";
import { formatBytes } from "../../../lib/format";
import { trpc } from "../../../lib/trpc-client";
import { useLoad } from "../../../lib/use-load";

export function NodesPanel() {
  const nodes = useLoad(() => trpc.admin.nodes.query(), { refreshMs: 10_000 });
  return (
    <div className="mt-6">
      <Section data={nodes.data} error={nodes.error} loading="Asking Docker for its nodes…">
        {(list) => (
          <div className="grid gap-4 md:grid-cols-2" data-testid="node-list">
            {list.map((n) => (
              <section key={n.id} className={cardClass} data-testid={`node-${n.hostname}`} data-state={n.state}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="font-mono text-base font-semibold">{n.hostname}</h2>
                  <span className="flex gap-1">
                    <StatusBadge status={n.state === "ready" ? "live" : "failed"} />
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">{n.role}{n.leader ? " (leader)" : ""}</span>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">{n.availability}</span>
                  </span>
                </div>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-slate-500">State</dt>
                  <dd>{n.state}</dd>
                  <dt className="text-slate-500">CPU</dt>
                  <dd>{n.cpus} cores</dd>
                  <dt className="text-slate-500">Memory</dt>
                  <dd>{formatBytes(n.memoryBytes)}</dd>
                  <dt className="text-slate-500">Disk</dt>
                  <dd>{n.disk ? `${formatBytes(n.disk.freeBytes)} free of ${formatBytes(n.disk.totalBytes)} (${n.disk.path})` : "not reported (Swarm does not share other nodes' disks)"}</dd>
                  <dt className="text-slate-500">Tasks</dt>
                  <dd>{n.runningTasks} running</dd>
                  <dt className="text-slate-500">Address</dt>
                  <dd className="font-mono">{n.address ?? "—"}</dd>
                  <dt className="text-slate-500">Engine</dt>
                  <dd>{n.engineVersion ?? "—"}</dd>
                  <dt className="text-slate-500">Labels</dt>
                  <dd className="font-mono text-xs">
                    {Object.keys(n.labels).length ? Object.entries(n.labels).map(([k, v]) => <div key={k}>{`${k}=${v}`}</div>) : <span className="font-sans text-slate-500">none</span>}
                  </dd>
                </dl>
              </section>
            ))}
          </div>
        )}
      </Section>
    </div>
  );
}
