"use client";

import { trpc } from "../lib/trpc-client";
import { useAction } from "../lib/use-action";

export function SignOutButton() {
  // On failure the session is still valid on the server, so staying here and saying so is the honest outcome.
  const { run: signOut, pending, error } = useAction(async () => {
    await trpc.auth.signOut.mutate();
    window.location.assign("/sign-in");
    return true;
  });
  return (
    <span className="flex items-center gap-3">
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
      <button
        type="button"
        onClick={() => void signOut()}
        disabled={pending}
        className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm transition hover:bg-slate-50 disabled:opacity-60"
      >
        Sign out
      </button>
    </span>
  );
}
