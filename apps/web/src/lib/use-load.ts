"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { redirectToSignIn } from "./use-action";
import { isUnauthorized, userMessageOf } from "./trpc-client";

/**
 * Loads a page section's data on mount (and every `refreshMs`, while the page is visible), with
 * the three states every section shows: loading (data undefined), failed (error), loaded.
 * A failed refresh keeps the last data on screen and says why above it.
 */
export function useLoad<T>(load: () => Promise<T>, { refreshMs, key = "" }: { refreshMs?: number; key?: string } = {}) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    try {
      const value = await loadRef.current();
      setData(value);
      setError(null);
      return value;
    } catch (e) {
      if (isUnauthorized(e)) redirectToSignIn();
      else setError(userMessageOf(e));
      return undefined;
    }
  }, []);

  // A new `key` (e.g. other filters) loads again, and shows loading instead of the old data.
  useEffect(() => {
    setData(undefined);
    void reload();
    if (!refreshMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [reload, refreshMs, key]);

  return { data, error, reload, setData };
}
