"use client";

import { useEffect, useRef, useState } from "react";
import { cardClass } from "../../../../../../components/form-styles";

interface LogLine {
  time: string;
  instance: string;
  stream: "stdout" | "stderr";
  line: string;
}

/** Kept in the page; older lines drop off the top so a chatty app cannot exhaust the tab. */
const MAX_LINES = 2_000;

/** The app's runtime output, tailing live (server-sent events) until the page is left. */
export function RuntimeLogs({ tenant, app }: { tenant: string; app: string }) {
  const [lines, setLines] = useState<(LogLine & { n: number })[]>([]);
  const [state, setState] = useState<"connecting" | "live" | "retrying" | "failed">("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  const [follow, setFollow] = useState(true);
  const counter = useRef(0);
  const bottom = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const source = new EventSource(`/api/streams/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/logs`);
    source.onopen = () => setState("live");
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "failed" : "retrying");
    source.addEventListener("log", (e) => {
      const l = JSON.parse((e as MessageEvent<string>).data) as LogLine;
      setLines((prev) => [...prev, { ...l, n: counter.current++ }].slice(-MAX_LINES));
    });
    source.addEventListener("failure", (e) => setProblem((JSON.parse((e as MessageEvent<string>).data) as { message: string }).message));
    return () => source.close();
  }, [tenant, app]);

  useEffect(() => {
    if (follow) bottom.current?.scrollIntoView({ block: "nearest" });
  }, [lines.length, follow]);

  return (
    <section className={cardClass} aria-label="Runtime logs">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          What the app&apos;s instances write to stdout and stderr.{" "}
          <span className="text-xs text-slate-500" data-testid="logs-state">
            {state === "live" ? "tailing live" : state === "retrying" ? "connection lost, reconnecting…" : state === "failed" ? "could not connect; reload the page" : "connecting…"}
          </span>
        </p>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </div>
      {problem && <p role="alert" className="mt-2 text-sm text-red-700">{problem}</p>}
      <pre className="mt-3 max-h-[36rem] min-h-[8rem] overflow-auto rounded-lg bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100" data-testid="runtime-log-lines">
        {lines.length === 0 && <span className="text-slate-500">No output yet. Lines appear here as the app writes them.</span>}
        {lines.map((l) => (
          <div key={l.n} className={`whitespace-pre-wrap break-all ${l.stream === "stderr" ? "text-amber-300" : ""}`}>
            <span className="text-slate-500">{l.time.slice(11, 19)} {l.instance} </span>
            {l.line}
          </div>
        ))}
        <div ref={bottom} />
      </pre>
    </section>
  );
}
