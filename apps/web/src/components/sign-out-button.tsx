"use client";

import { useState } from "react";
import { trpc, userMessageOf } from "../lib/trpc-client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function signOut() {
    setPending(true);
    setError(null);
    try {
      await trpc.auth.signOut.mutate();
      window.location.assign("/sign-in");
    } catch (e) {
      // The session is still valid on the server, so staying here and saying so is the honest outcome.
      setError(userMessageOf(e));
      setPending(false);
    }
  }
  return (
    <span className="flex items-center gap-3">
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
      <button
        type="button"
        onClick={signOut}
        disabled={pending}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm transition hover:bg-slate-50 disabled:opacity-60"
      >
        Sign out
      </button>
    </span>
  );
}
