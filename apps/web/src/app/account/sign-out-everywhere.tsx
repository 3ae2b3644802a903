"use client";

import { useState } from "react";
import { FormError } from "../../components/form-error";
import { cardClass, dangerButtonClass } from "../../components/form-styles";
import { trpc, userMessageOf } from "../../lib/trpc-client";

export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run() {
    if (!window.confirm("Sign out of every browser, this one included?")) return;
    setPending(true);
    setError(null);
    try {
      await trpc.auth.signOutEverywhere.mutate();
      window.location.assign("/sign-in");
    } catch (e) {
      setError(userMessageOf(e));
      setPending(false);
    }
  }

  return (
    <section className={cardClass} aria-labelledby="everywhere">
      <h2 id="everywhere" className="text-base font-semibold">
        Sign out everywhere
      </h2>
      <p className="mt-1 text-sm text-slate-500">Ends every browser session of your account, for a lost laptop or a shared computer. API tokens stay valid; revoke them above.</p>
      <div className="mt-3 space-y-3">
        <FormError message={error} />
        <button type="button" onClick={run} disabled={pending} className={dangerButtonClass} data-testid="sign-out-everywhere">
          {pending ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
    </section>
  );
}
