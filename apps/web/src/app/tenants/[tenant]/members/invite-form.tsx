"use client";

import { useState } from "react";
import { FormError } from "../../../../components/form-error";
import { cardClass, inputClass, labelClass } from "../../../../components/form-styles";
import { SubmitButton } from "../../../../components/submit-button";
import { field, useFormAction } from "../../../../lib/use-action";
import { SecretOnce } from "../../../../components/secret-once";
import { trpc } from "../../../../lib/trpc-client";

type Role = "owner" | "admin" | "developer" | "viewer";

export function InviteForm({ tenant, canInviteOwner, onInvited }: { tenant: string; canInviteOwner: boolean; onInvited: () => Promise<void> }) {
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const { onSubmit, pending, error } = useFormAction(async (form) => {
    setLink(null);
    const created = await trpc.tenants.invite.mutate({ tenant, email: field(form, "email"), role: field(form, "role") as Role });
    setLink({ url: created.url, email: created.email });
    await onInvited();
    return created;
  });

  return (
    <section className={cardClass} aria-labelledby="invite">
      <h2 id="invite" className="text-base font-semibold">
        Invite someone
      </h2>
      <p className="mt-1 text-sm text-slate-500">Berth sends no email: you get a link to pass on. It works once, for 7 days.</p>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate data-testid="invite-form">
        <div>
          <label htmlFor="invite-email" className={labelClass}>
            Email
          </label>
          <input id="invite-email" name="email" type="email" required maxLength={320} className={inputClass} />
        </div>
        <div>
          <label htmlFor="invite-role" className={labelClass}>
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="viewer" className={inputClass}>
            {canInviteOwner && <option value="owner">owner</option>}
            <option value="admin">admin</option>
            <option value="developer">developer</option>
            <option value="viewer">viewer</option>
          </select>
        </div>
        <SubmitButton pending={pending} label="Create invite link" pendingLabel="Inviting…" />
      </form>
      <div className="mt-3 space-y-3">
        <FormError message={error} testId="invite-error" />
        {link && (
          <SecretOnce
            title={`Invitation link for ${link.email}`}
            hint="Send this link to them yourself. It is shown only now; make a new one if it gets lost."
            value={link.url}
            testId="invite-link"
          />
        )}
      </div>
    </section>
  );
}
