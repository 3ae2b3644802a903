"use client";

import { Card } from "../../components/card";
import { FormError } from "../../components/form-error";
import { dangerButtonClass } from "../../components/form-styles";
import { trpc } from "../../lib/trpc-client";
import { useAction } from "../../lib/use-action";

export function SignOutEverywhere() {
  const signOut = useAction(async () => {
    await trpc.auth.signOutEverywhere.mutate();
    window.location.assign("/sign-in");
    return true;
  });
  function run() {
    if (window.confirm("Sign out of every browser, this one included?")) void signOut.run();
  }

  return (
    <Card id="everywhere" title="Sign out everywhere">
      <p className="mt-1 text-sm text-slate-500">Ends every browser session of your account, for a lost laptop or a shared computer. API tokens stay valid; revoke them above.</p>
      <div className="mt-3 space-y-3">
        <FormError message={signOut.error} />
        <button type="button" onClick={run} disabled={signOut.pending} className={dangerButtonClass} data-testid="sign-out-everywhere">
          {signOut.pending ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
    </Card>
  );
}
