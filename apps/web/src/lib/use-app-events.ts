"use client";

import { useEffect, useRef } from "react";

/**
 * Calls `onChange` whenever the app's deploy state changes (server-sent events). The stream is
 * closed when the component unmounts, i.e. when the page is left.
 */
export function useAppEvents(tenant: string, app: string, onChange: (state: unknown) => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const source = new EventSource(`/api/streams/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}/events`);
    let first = true;
    source.addEventListener("state", (e) => {
      // The first event is the state the page already loaded.
      if (first) return void (first = false);
      callback.current(JSON.parse((e as MessageEvent<string>).data));
    });
    return () => source.close();
  }, [tenant, app]);
}
