"use client";

import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { inputClass } from "../../components/form-styles";
import { SubmitButton } from "../../components/submit-button";
import { field, useFormAction } from "../../lib/use-action";
import { trpc } from "../../lib/trpc-client";

export function SignUpForm({ next }: { next: string | null }) {
  const { onSubmit, pending, error } = useFormAction(
    async (form) => {
      const name = field(form, "name");
      const { redirectTo } = await trpc.auth.signUp.mutate({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), ...(name ? { name } : {}) });
      // A full navigation, so the server renders the next page with the new cookie.
      window.location.assign(next ?? redirectTo);
      return true;
    },
    { resetOnSuccess: false },
  );

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <Field id="name" label={<>Name <span className="font-normal text-slate-400">(optional)</span></>}>
        <input id="name" name="name" type="text" autoComplete="name" maxLength={100} className={inputClass} />
      </Field>
      <Field id="email" label="Email">
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus maxLength={320} className={inputClass} />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters.">
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass} />
      </Field>
      <FormError message={error} />
      <SubmitButton pending={pending} label="Create account" pendingLabel="Creating your account…" className="w-full" />
    </form>
  );
}
