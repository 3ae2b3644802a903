"use client";

import { useEffect, useRef, useState } from "react";
import { StatusBadge } from "./status-badge";

interface LogState {
  lines: { seq: number; line: string }[];
  status: string | null;
  failureReason: string | null;
  releaseVersion: number | null;
  ended: boolean;
  connection: "connecting" | "open" | "retrying" | "closed";
}

/**
 * A deployment's build and deploy log, streaming while it runs (server-sent events) and complete
 * afterwards (the same stream replays the kept lines, then ends). On a dropped connection the
 * browser reconnects with the last line's seq, so nothing is lost or shown twice.
 */
export function DeploymentLog({ tenant, app, deploymentId, onEnd }: { tenant: string; app: string; deploymentId: string; onEnd?: (status: string) => void }) {
  const [state, setState] = useState<LogState>({ lines: [], status: null, failureReason: null, releaseVersion: null, ended: false, connection: "connecting" });
  const bottom = useRef<HTMLDivElement>(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    setState({ lines: [], status: null, failureReason: null, releaseVersion: null, ended: false, connection: "connecting" });
    const source = new EventSource(`/api/streams/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/deployments/${encodeURIComponent(deploymentId)}`);
    source.onopen = () => setState((s) => ({ ...s, connection: "open" }));
    source.onerror = () => setState((s) => (s.ended ? s : { ...s, connection: source.readyState === EventSource.CLOSED ? "closed" : "retrying" }));
    source.addEventListener("line", (e) => {
      const m = e as MessageEvent<string>;
      const seq = Number(m.lastEventId);
      setState((s) => (s.lines.length && s.lines[s.lines.length - 1]!.seq >= seq ? s : { ...s, lines: [...s.lines, { seq, line: m.data }] }));
    });
    source.addEventListener("status", (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { status: string; failureReason: string | null; releaseVersion: number | null };
      setState((s) => ({ ...s, status: d.status, failureReason: d.failureReason, releaseVersion: d.releaseVersion }));
    });
    source.addEventListener("end", (e) => {
      const d = JSON.parse((e as MessageEvent<string>).data) as { status: string };
      source.close(); // otherwise EventSource reconnects to a stream that has nothing more to say
      setState((s) => ({ ...s, ended: true, connection: "closed" }));
      endRef.current?.(d.status);
    });
    return () => source.close();
  }, [tenant, app, deploymentId]);

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "nearest" });
  }, [state.lines.length]);

  return (
    <div data-testid="deployment-log" data-status={state.status ?? ""} data-ended={state.ended ? "true" : "false"}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {state.status && <StatusBadge status={state.status} testId="deployment-status" />}
        {state.releaseVersion !== null && <span className="text-slate-600">release v{state.releaseVersion}</span>}
        <span className="text-xs text-slate-500">
          {state.ended ? "finished" : state.connection === "retrying" ? "connection lost, reconnecting…" : state.connection === "open" ? "live" : "connecting…"}
        </span>
      </div>
      {state.failureReason && (
        <p role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.failureReason}
        </p>
      )}
      <pre className="mt-3 max-h-[32rem] min-h-[6rem] overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100" data-testid="log-lines">
        {state.lines.length === 0 && <span className="text-slate-500">{state.ended ? "This deployment wrote no output." : "Waiting for output…"}</span>}
        {state.lines.map((l) => (
          <div key={l.seq} data-seq={l.seq} className="whitespace-pre-wrap break-all">
            {l.line}
          </div>
        ))}
        <div ref={bottom} />
      </pre>
    </div>
  );
}
