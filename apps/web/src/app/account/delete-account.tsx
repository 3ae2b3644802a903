"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "../../components/form-error";
import { cardClass, dangerButtonClass, inputClass, labelClass } from "../../components/form-styles";
import { trpc, userMessageOf } from "../../lib/trpc-client";

/** Destructive, so it asks for the password and an explicit confirmation before anything happens. */
export function DeleteAccount() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    if (!window.confirm("Delete your account for good? Your tokens stop working and you leave every team.")) return;
    setPending(true);
    try {
      await trpc.auth.deleteAccount.mutate({ password: String(form.get("deletePassword") ?? "") });
      window.location.assign("/sign-in");
    } catch (e) {
      setError(userMessageOf(e));
      setPending(false);
    }
  }

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
        <div>
          <label htmlFor="deletePassword" className={labelClass}>
            Your password
          </label>
          <input id="deletePassword" name="deletePassword" type="password" autoComplete="current-password" required className={inputClass} />
        </div>
        <FormError message={error} />
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? "Deleting…" : "Delete my account"}
        </button>
      </form>
    </section>
  );
}
