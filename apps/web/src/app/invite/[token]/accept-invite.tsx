"use client";

import { useState } from "react";
import { FormError } from "../../../components/form-error";
import { primaryButtonClass } from "../../../components/form-styles";
import { trpc, userMessageOf } from "../../../lib/trpc-client";

export function AcceptInvite({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    setError(null);
    try {
      const { tenant } = await trpc.tenants.acceptInvite.mutate({ token });
      window.location.assign(`/tenants/${encodeURIComponent(tenant)}/members`);
    } catch (e) {
      setError(userMessageOf(e));
      setPending(false);
    }
  }

  return (
    <div className="mt-6 space-y-3">
      <p className="text-sm text-slate-600">You will join as {email}.</p>
      <FormError message={error} />
      <button type="button" onClick={accept} disabled={pending} data-testid="invite-accept" className={`w-full ${primaryButtonClass}`}>
        {pending ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
