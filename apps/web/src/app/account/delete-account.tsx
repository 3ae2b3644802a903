"use client";

import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { cardClass, dangerButtonClass, inputClass } from "../../components/form-styles";
import { PlainError, trpc } from "../../lib/trpc-client";
import { useFormAction } from "../../lib/use-action";

/** Destructive, so it takes the password and an explicit tick before anything happens. */
export function DeleteAccount() {
  const { onSubmit, pending, error } = useFormAction(
    async (form) => {
      if (form.get("confirmDelete") !== "yes") throw new PlainError("Tick the box to confirm that the account goes for good.");
      await trpc.auth.deleteAccount.mutate({ password: String(form.get("deletePassword") ?? "") });
      window.location.assign("/sign-in");
      return true;
    },
    { resetOnSuccess: false },
  );

  return (
    <section className={`${cardClass} border-red-200`} aria-labelledby="delete-account">
      <h2 id="delete-account" className="text-base font-semibold text-red-800">
        Delete account
      </h2>
      <p className="mt-1 text-sm text-slate-500">
        Your sessions and API tokens end and you leave every team. Teams you alone own are deleted when they are empty; hand over any
        other team first.
      </p>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" noValidate data-testid="delete-account-form">
        <Field id="deletePassword" label="Your password">
          <input id="deletePassword" name="deletePassword" type="password" autoComplete="current-password" required className={inputClass} />
        </Field>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="confirmDelete" value="yes" className="h-4 w-4" />
          Yes, delete my account for good
        </label>
        <FormError message={error} />
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? "Deleting…" : "Delete my account"}
        </button>
      </form>
    </section>
  );
}
