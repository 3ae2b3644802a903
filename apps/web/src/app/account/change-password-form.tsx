"use client";

import { useState } from "react";
import { Card } from "../../components/card";
import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { inputClass } from "../../components/form-styles";
import { SubmitButton } from "../../components/submit-button";
import { useFormAction } from "../../lib/use-action";
import { PlainError, trpc } from "../../lib/trpc-client";

export function ChangePasswordForm() {
  const [done, setDone] = useState<string | null>(null);
  const { onSubmit, pending, error } = useFormAction(async (form) => {
    const newPassword = String(form.get("newPassword") ?? "");
    setDone(null);
    if (newPassword !== String(form.get("confirmPassword") ?? "")) throw new PlainError("The new password and its confirmation are different.");
    const { sessionsEnded } = await trpc.auth.changePassword.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
    setDone(`Password changed. ${sessionsEnded === 0 ? "No other session was open." : `${sessionsEnded} other session${sessionsEnded === 1 ? " was" : "s were"} signed out.`}`);
    return true;
  });

  return (
    <Card id="change-password" title="Change password">
      <p className="mt-1 text-sm text-slate-500">Every other signed-in browser is signed out.</p>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate data-testid="change-password-form">
        <Field id="currentPassword" label="Current password">
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
        </Field>
        <Field id="newPassword" label="New password" hint="At least 10 characters.">
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required minLength={10} className={inputClass} />
        </Field>
        <Field id="confirmPassword" label="New password, again">
          <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required className={inputClass} />
        </Field>
        <FormError message={error} />
        {done && (
          <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {done}
          </p>
        )}
        <SubmitButton pending={pending} label="Change password" pendingLabel="Changing…" />
      </form>
    </Card>
  );
}
