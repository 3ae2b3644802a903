"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onChange` whenever the app's deploy state changes (server-sent events). The stream is
 * closed when the component unmounts, i.e. when the page is left.
 */
export function useAppEvents(tenant: string, app: string, onChange: (state: unknown) => void): void {
  useStreamEvents(`/api/streams/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/events`, "state", onChange);
}

/** The same for every app of a tenant (the apps list). */
export function useTenantEvents(tenant: string, onChange: () => void): void {
  useStreamEvents(`/api/streams/t/${encodeURIComponent(tenant)}/events`, "changed", onChange);
}

function useStreamEvents(url: string, event: string, onChange: (data: unknown) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const source = new EventSource(url);
    // Every event reloads, the first one too: a change between the page's own load and the
    // stream's start would otherwise be missed.
    source.addEventListener(event, (e) => callback.current(JSON.parse((e as MessageEvent<string>).data)));
    return () => source.close();
  }, [url, event]);
}
