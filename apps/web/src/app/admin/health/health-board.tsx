"use client";

import type { TGetHealthOutput } from "@berth/api/routers/platform/get-health.schema";
import { useEffect, useRef, useState } from "react";
import { isUnauthorized, trpc, userMessageOf } from "../../../lib/trpc-client";
import { ComponentCard } from "./component-card";
import { formatAgo, formatTime } from "./format-time";

const REFRESH_MS = 3_000;

export function HealthBoard({ initial }: { initial: TGetHealthOutput }) {
  const [health, setHealth] = useState(initial);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const inFlight = useRef(false);

  useEffect(() => {
    let cancelled = false;
    async function refresh() {
      // Skip a tick rather than pile up requests when a probe is slow or the tab is in the background.
      if (inFlight.current || document.hidden) return;
      inFlight.current = true;
      try {
        const next = await trpc.platform.getHealth.query();
        if (!cancelled) {
          setHealth(next);
          setFetchError(null);
        }
      } catch (e) {
        if (isUnauthorized(e)) window.location.assign("/sign-in");
        else if (!cancelled) setFetchError(userMessageOf(e));
      } finally {
        inFlight.current = false;
        if (!cancelled) setNow(Date.now());
      }
    }
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const down = health.components.filter((c) => !c.ok);
  const lastSeen = health.worker.lastSeenAt;

  return (
    <section className="mt-6" aria-live="polite">
      <div
        data-testid="health-summary"
        data-status={health.ok ? "ok" : "down"}
        className={`flex flex-col gap-1 rounded-xl border px-4 py-3 sm:flex-row sm:items-center sm:justify-between ${
          health.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-200 bg-red-50 text-red-900"
        }`}
      >
        <p className="text-sm font-medium">
          {health.ok
            ? "All components are healthy."
            : `${down.length} of ${health.components.length} components ${down.length === 1 ? "is" : "are"} down: ${down.map((c) => c.label).join(", ")}.`}
        </p>
        <p className="text-xs opacity-80" data-testid="health-checked-at">
          Checked at <time dateTime={health.checkedAt} suppressHydrationWarning>{formatTime(health.checkedAt)}</time> · refreshes every 3 seconds
        </p>
      </div>

      {fetchError && (
        <p role="alert" className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Could not refresh: {fetchError} Showing the last result.
        </p>
      )}

      <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {health.components.map((component) => (
          <li key={component.name}>
            <ComponentCard component={component} />
          </li>
        ))}
      </ul>

      <p className="mt-6 text-sm text-slate-600" data-testid="worker-heartbeat">
        {lastSeen ? (
          <>
            Worker: last heartbeat <time dateTime={lastSeen} suppressHydrationWarning>{formatAgo(lastSeen, now)}</time> ({formatTime(lastSeen)}).
          </>
        ) : (
          "Worker: no heartbeat recorded yet. The background worker has not started on this installation."
        )}
      </p>
    </section>
  );
}
