"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "../../components/form-error";
import { inputClass, labelClass, primaryButtonClass } from "../../components/form-styles";
import { trpc, userMessageOf } from "../../lib/trpc-client";

export function SignUpForm({ next }: { next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const name = String(form.get("name") ?? "").trim();
      const { redirectTo } = await trpc.auth.signUp.mutate({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        ...(name ? { name } : {}),
      });
      // A full navigation, so the server renders the next page with the new cookie.
      window.location.assign(next ?? redirectTo);
    } catch (e) {
      setError(userMessageOf(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="name" className={labelClass}>
          Name <span className="font-normal text-slate-400">(optional)</span>
        </label>
        <input id="name" name="name" type="text" autoComplete="name" maxLength={100} className={inputClass} />
      </div>
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus maxLength={320} className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={10} className={inputClass} />
        <p className="mt-1 text-xs text-slate-500">At least 10 characters.</p>
      </div>
      <FormError message={error} />
      <button type="submit" disabled={pending} className={`w-full ${primaryButtonClass}`}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
