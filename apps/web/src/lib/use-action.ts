"use client";

import { useCallback, useState, type FormEvent } from "react";
import { userMessageOf } from "./trpc-client";

/**
 * The submit/pending/error logic every console form repeats: run an async action once at a time,
 * say "…" while it runs, and keep the failure in plain words (the server's userMessage).
 * Returns the action's result, or undefined when it failed.
 */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (e) {
        setError(userMessageOf(e));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );
  return { run, pending, error, setError };
}

/**
 * The same for a <form>: `onSubmit` reads its fields and hands them to the action. The form is
 * cleared only when the action succeeds, so a refused entry can be corrected instead of retyped.
 */
export function useFormAction<R>(action: (form: FormData, element: HTMLFormElement) => Promise<R>, { resetOnSuccess = true } = {}) {
  const { run, pending, error, setError } = useAction(action);
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const element = event.currentTarget;
      const result = await run(new FormData(element), element);
      if (result !== undefined && resetOnSuccess) element.reset();
      return result;
    },
    [run, resetOnSuccess],
  );
  return { onSubmit, pending, error, setError };
}

export function redirectToSignIn(): void {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

/** A form field as a trimmed string. */
export function field(form: FormData, name: string): string {
  return String(form.get(name) ?? "").trim();
}
