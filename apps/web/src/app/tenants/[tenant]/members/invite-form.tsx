"use client";

import { useState } from "react";
import { Card } from "../../../../components/card";
import { Field } from "../../../../components/field";
import { FormError } from "../../../../components/form-error";
import { inputClass } from "../../../../components/form-styles";
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
    <Card id="invite" title="Invite someone">
      <p className="mt-1 text-sm text-slate-500">Berth sends no email: you get a link to pass on. It works once, for 7 days.</p>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" noValidate data-testid="invite-form">
        <Field id="invite-email" label="Email">
          <input id="invite-email" name="email" type="email" required maxLength={320} className={inputClass} />
        </Field>
        <Field id="invite-role" label="Role">
          <select id="invite-role" name="role" defaultValue="viewer" className={inputClass}>
            {canInviteOwner && <option value="owner">owner</option>}
            <option value="admin">admin</option>
            <option value="developer">developer</option>
            <option value="viewer">viewer</option>
          </select>
        </Field>
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
    </Card>
  );
}
