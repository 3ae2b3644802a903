"use client";

import { FormError } from "../../../components/form-error";
import { primaryButtonClass } from "../../../components/form-styles";
import { trpc } from "../../../lib/trpc-client";
import { useAction } from "../../../lib/use-action";

export function AcceptInvite({ token, email }: { token: string; email: string }) {
  const accept = useAction(async () => {
    const { tenant } = await trpc.tenants.acceptInvite.mutate({ token });
    // A full navigation, so the server renders the tenant's pages with the new membership.
    window.location.assign(`/tenants/${encodeURIComponent(tenant)}/members`);
    return tenant;
  });

  return (
    <div className="mt-6 space-y-3">
      <p className="text-sm text-slate-600">You will join as {email}.</p>
      <FormError message={accept.error} />
      <button type="button" onClick={() => void accept.run()} disabled={accept.pending} data-testid="invite-accept" className={`w-full ${primaryButtonClass}`}>
        {accept.pending ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
