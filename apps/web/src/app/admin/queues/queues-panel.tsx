"use client";

import { ConfirmButton } from "../../../components/confirm-button";
import { FormError } from "../../../components/form-error";
import { cardClass, secondaryButtonClass } from "../../../components/form-styles";
import { Empty, Section } from "../../../components/section-states";
import { formatDateTime } from "../../../lib/format";
import { trpc } from "../../../lib/trpc-client";
import { useAction } from "../../../lib/use-action";
import { useLoad } from "../../../lib/use-load";

export function QueuesPanel() {
  const queues = useLoad(() => trpc.admin.queues.query(), { refreshMs: 3000 });
  const failed = useLoad(() => trpc.admin.failedJobs.query({ limit: 50 }), { refreshMs: 10_000 });
  const retry = useAction(async (queue: "platform" | "deploy" | "build", id: string) => {
    await trpc.admin.retryJob.mutate({ queue, id });
    await Promise.all([queues.reload(), failed.reload()]);
  });
  return (
    <div className="mt-6 space-y-6">
      <Section data={queues.data} error={queues.error} loading="Reading the queues…">
        {(list) => (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="queue-list">
            {list.map((q) => (
              <section key={q.name} className={cardClass} data-testid={`queue-${q.name}`}>
                <h2 className="font-mono text-base font-semibold">
                  {q.name}
                  {q.paused && <span className="ml-2 text-xs text-amber-700">paused</span>}
                </h2>
                <dl className="mt-2 grid grid-cols-5 gap-2 text-center text-xs">
                  {(["waiting", "active", "delayed", "failed", "completed"] as const).map((k) => (
                    <div key={k}>
                      <dd className={`text-lg font-semibold ${k === "failed" && q.failed > 0 ? "text-red-700" : ""}`} data-testid={`queue-${q.name}-${k}`}>
                        {q[k]}
                      </dd>
                      <dt className="text-slate-500">{k}</dt>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        )}
      </Section>
      <section className={cardClass} aria-labelledby="failed-jobs">
        <div className="flex items-center justify-between">
          <h2 id="failed-jobs" className="text-base font-semibold">
            Failed jobs
          </h2>
          <button type="button" className={secondaryButtonClass} onClick={() => void failed.reload()}>
            Refresh
          </button>
        </div>
        <FormError message={retry.error} testId="retry-error" />
        <Section data={failed.data} error={failed.error} loading="Reading failed jobs…">
          {(jobs) =>
            jobs.length === 0 ? (
              <Empty testId="failed-empty">No failed jobs.</Empty>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100" data-testid="failed-list">
                {jobs.map((j) => (
                  <li key={`${j.queue}-${j.id}`} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 text-sm">
                      <p>
                        <span className="font-mono font-medium">{j.name}</span> <span className="text-xs text-slate-500">in {j.queue} · id {j.id} · {j.attemptsMade} attempt(s) · {formatDateTime(j.finishedOn ? new Date(j.finishedOn) : null)}</span>
                      </p>
                      <p className="break-words text-xs text-red-700">{j.failedReason}</p>
                      <p className="truncate font-mono text-xs text-slate-500">{JSON.stringify(j.data)}</p>
                    </div>
                    <ConfirmButton label="Retry" question={`Run ${j.name} again?`} confirmLabel="Retry" pending={retry.pending} onConfirm={async () => void (await retry.run(j.queue, j.id))} className={secondaryButtonClass} />
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
