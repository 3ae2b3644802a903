"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Field } from "../../../../components/field";
import { FormError } from "../../../../components/form-error";
import { cardClass, inputClass, primaryButtonClass, secondaryButtonClass } from "../../../../components/form-styles";
import { Empty, Section } from "../../../../components/section-states";
import { formatDateTime } from "../../../../lib/format";
import { trpc } from "../../../../lib/trpc-client";
import { useAction } from "../../../../lib/use-action";
import { useLoad } from "../../../../lib/use-load";

type Events = Awaited<ReturnType<typeof trpc.audit.list.query>>["events"];

/** Filters live in the URL (?action=&actor=&since=), so a filtered view can be shared. */
export function AuditPanel({ tenant }: { tenant: string }) {
  const router = useRouter();
  const params = useSearchParams();
  const filters = { action: params.get("action") ?? "", actor: params.get("actor") ?? "", since: params.get("since") ?? "" };
  const query = (cursor?: string) =>
    trpc.audit.list.query({
      tenant,
      limit: 50,
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.actor ? { actor: filters.actor } : {}),
      ...(filters.since ? { since: new Date(filters.since).toISOString() } : {}),
      ...(cursor ? { cursor } : {}),
    });
  const key = JSON.stringify(filters);
  const first = useLoad(() => query(), { key });
  const [more, setMore] = useState<{ events: Events; nextCursor: string | null } | null>(null);
  const loadMore = useAction(async (cursor: string) => {
    const page = await query(cursor);
    setMore((m) => ({ events: [...(m?.events ?? []), ...page.events], nextCursor: page.nextCursor }));
  });

  return (
    <div className="mt-6 space-y-4">
      <form
        key={key}
        className={`${cardClass} grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto_auto] sm:items-end`}
        data-testid="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          for (const k of ["action", "actor", "since"]) {
            const v = String(f.get(k) ?? "").trim();
            if (v) next.set(k, v);
          }
          setMore(null);
          router.push(`?${next.toString()}`);
        }}
      >
        <Field id="audit-action" label="Action">
          <input id="audit-action" name="action" defaultValue={filters.action} placeholder="config.set" className={`${inputClass} font-mono`} />
        </Field>
        <Field id="audit-actor" label="Who (email)">
          <input id="audit-actor" name="actor" defaultValue={filters.actor} className={inputClass} />
        </Field>
        <Field id="audit-since" label="Since">
          <input id="audit-since" name="since" type="datetime-local" defaultValue={filters.since} className={inputClass} />
        </Field>
        <button type="submit" className={primaryButtonClass}>
          Filter
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            setMore(null);
            router.push("?");
          }}
        >
          Clear
        </button>
      </form>
      <FilteredList key={key} first={first} more={more} onMore={(c) => void loadMore.run(c)} pending={loadMore.pending} moreError={loadMore.error} />
    </div>
  );
}

function FilteredList({
  first,
  more,
  onMore,
  pending,
  moreError,
}: {
  first: { data: { events: Events; nextCursor: string | null } | undefined; error: string | null };
  more: { events: Events; nextCursor: string | null } | null;
  onMore: (cursor: string) => void;
  pending: boolean;
  moreError: string | null;
}) {
  return (
    <section className={cardClass} aria-label="Events">
      <Section data={first.data} error={first.error} loading="Loading the audit log…">
        {(page) => {
          const events = [...page.events, ...(more?.events ?? [])];
          const cursor = more ? more.nextCursor : page.nextCursor;
          if (events.length === 0) return <Empty testId="audit-empty">No events match.</Empty>;
          return (
            <>
              <div className="overflow-x-auto">
                <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-list">
                  <thead className="text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th className="py-2 pr-3 font-medium">When</th>
                      <th className="py-2 pr-3 font-medium">Who</th>
                      <th className="py-2 pr-3 font-medium">What</th>
                      <th className="py-2 pr-3 font-medium">On</th>
                      <th className="py-2 pr-3 font-medium">Through</th>
                      <th className="py-2 font-medium">From</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {events.map((e) => (
                      <tr key={e.id} data-testid="audit-event" data-action={e.action}>
                        <td className="py-2 pr-3 text-slate-600">{formatDateTime(e.createdAt)}</td>
                        <td className="py-2 pr-3">{e.actor ?? (e.interface === "platform" ? "Berth" : "—")}</td>
                        <td className="py-2 pr-3 font-mono text-xs">
                          {e.action}
                          {e.details ? <span className="block text-slate-500">{JSON.stringify(e.details).slice(0, 120)}</span> : null}
                        </td>
                        <td className="py-2 pr-3">{e.targetName ? `${e.targetType ?? ""} ${e.targetName}` : "—"}</td>
                        <td className="py-2 pr-3">{e.interface}</td>
                        <td className="py-2 text-slate-600">{e.ip ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <FormError message={moreError} />
              {cursor && (
                <button type="button" className={`${secondaryButtonClass} mt-3`} disabled={pending} onClick={() => onMore(cursor)}>
                  {pending ? "Loading…" : "Older events"}
                </button>
              )}
            </>
          );
        }}
      </Section>
    </section>
  );
}
