"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "../../../../components/form-error";
import { cardClass, inputClass, labelClass, primaryButtonClass } from "../../../../components/form-styles";
import { SecretOnce } from "../../../../components/secret-once";
import { trpc, userMessageOf } from "../../../../lib/trpc-client";

type Role = "owner" | "admin" | "developer" | "viewer";

export function InviteForm({ tenant, canInviteOwner, onInvited }: { tenant: string; canInviteOwner: boolean; onInvited: () => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setLink(null);
    try {
      const created = await trpc.tenants.invite.mutate({
        tenant,
        email: String(form.get("email") ?? ""),
        role: String(form.get("role") ?? "viewer") as Role,
      });
      setLink({ url: created.url, email: created.email });
      formElement.reset();
      await onInvited();
    } catch (e) {
      setError(userMessageOf(e));
    } finally {
      setPending(false);
    }
  }

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
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Inviting…" : "Create invite link"}
        </button>
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
