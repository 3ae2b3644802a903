"use client";

import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { SubmitButton } from "../../components/submit-button";
import { field, useFormAction } from "../../lib/use-action";
import { trpc } from "../../lib/trpc-client";

export function SignInForm({ next = null }: { next?: string | null }) {
  const { onSubmit, pending, error } = useFormAction(
    async (form) => {
      const { redirectTo } = await trpc.auth.signIn.mutate({ email: field(form, "email"), password: String(form.get("password") ?? "") });
      // A full navigation, so the server renders the next page with the new cookie.
      window.location.assign(next ?? redirectTo);
      return true;
    },
    { resetOnSuccess: false },
  );

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="email" label="Email">
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm outline-none focus:border-slate-500 focus:ring-2 focus:ring-slate-200"
        />
      </Field>
      <Field id="password" label="Password">
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm outline-none focus:border-slate-500 focus:ring-2 focus:ring-slate-200"
        />
      </Field>
      <FormError message={error} />
      <SubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" className="w-full" />
    </form>
  );
}
