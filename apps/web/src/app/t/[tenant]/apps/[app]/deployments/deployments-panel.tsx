"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError } from "../../../../../../components/form-error";
import { cardClass, secondaryButtonClass } from "../../../../../../components/form-styles";
import { Empty, Section } from "../../../../../../components/section-states";
import { StatusBadge } from "../../../../../../components/status-badge";
import { formatAgo, formatDateTime } from "../../../../../../lib/format";
import { trpc } from "../../../../../../lib/trpc-client";
import { useAction } from "../../../../../../lib/use-action";
import { useAppEvents } from "../../../../../../lib/use-app-events";
import { useLoad } from "../../../../../../lib/use-load";

const PAGE = 30;

export function DeploymentsPanel({ tenant, app }: { tenant: string; app: string }) {
  const list = useLoad(() => trpc.console.deployments.query({ tenant, app, limit: PAGE }));
  type Row = NonNullable<typeof list.data>[number];
  const [older, setOlder] = useState<{ rows: Row[]; more: boolean }>({ rows: [], more: true });
  const loadOlder = useAction(async (before: string) => {
    const rows = await trpc.console.deployments.query({ tenant, app, limit: PAGE, before });
    setOlder((o) => ({ rows: [...o.rows, ...rows], more: rows.length === PAGE }));
  });
  useAppEvents(tenant, app, () => void list.reload());
  const base = `/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/deployments`;
  return (
    <section className={cardClass} aria-label="Deployments">
      <Section data={list.data} error={list.error} loading="Loading deployments…">
        {(firstPage) => {
          const rows = [...firstPage, ...older.rows];
          const last = rows[rows.length - 1];
          return rows.length === 0 ? (
            <Empty testId="deployments-empty">No deployments yet. Push with git, change a config var or roll back, and each one shows up here with its log.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="deployment-list">
              {rows.map((d) => (
                <li key={d.id} data-testid={`deployment-${d.id}`} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <Link href={`${base}/${d.id}`} className="text-sm font-medium underline-offset-2 hover:underline">
                      {d.description}
                    </Link>
                    <p className="truncate text-xs text-slate-500" title={formatDateTime(d.createdAt)}>
                      {d.kind} · {formatAgo(d.createdAt)}
                      {d.createdBy ? ` · ${d.createdBy}` : ""}
                      {d.releaseVersion ? ` · v${d.releaseVersion}` : ""}
                      {d.failureReason ? ` · ${d.failureReason}` : ""}
                    </p>
                  </div>
                  <StatusBadge status={d.status} />
                </li>
              ))}
              {firstPage.length === PAGE && older.more && last && (
                <li className="pt-3">
                  <FormError message={loadOlder.error} />
                  <button type="button" className={secondaryButtonClass} disabled={loadOlder.pending} onClick={() => void loadOlder.run(last.id)}>
                    {loadOlder.pending ? "Loading…" : "Older deployments"}
                  </button>
                </li>
              )}
            </ul>
          );
        }}
      </Section>
    </section>
  );
}
