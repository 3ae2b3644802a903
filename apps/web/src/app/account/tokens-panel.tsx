"use client";

import { useCallback, useEffect, useState } from "react";
import { Card } from "../../components/card";
import { Field } from "../../components/field";
import { FormError } from "../../components/form-error";
import { dangerButtonClass, inputClass } from "../../components/form-styles";
import { SubmitButton } from "../../components/submit-button";
import { field, useFormAction } from "../../lib/use-action";
import { SecretOnce } from "../../components/secret-once";
import { isUnauthorized, trpc, userMessageOf } from "../../lib/trpc-client";

type Scope = "read" | "deploy" | "admin";
const EXPIRY_CHOICES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

function formatDate(value: Date | string | null): string {
  return value ? new Date(value).toLocaleDateString() : "—";
}

/** The wire shape: dates arrive as ISO strings, the link has no transformer. */
type TListTokensOutput = Awaited<ReturnType<typeof trpc.tokens.list.query>>;

export function TokensPanel() {
  const [tokens, setTokens] = useState<TListTokensOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);

  const load = useCallback(async () => {
    try {
      setTokens(await trpc.tokens.list.query());
    } catch (e) {
      if (isUnauthorized(e)) window.location.assign("/sign-in?next=/account");
      else setError(userMessageOf(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const { onSubmit: onCreate, pending, error: createError } = useFormAction(async (form) => {
    const name = field(form, "name");
    const expiry = field(form, "expiry") || "90";
    setSecret(null);
    const created = await trpc.tokens.create.mutate({ name, scope: (field(form, "scope") || "read") as Scope, expiresInDays: expiry === "never" ? null : Number(expiry) });
    setSecret({ name, token: created.token });
    await load();
    return created;
  });

  async function revoke(id: string, name: string) {
    if (!window.confirm(`Revoke "${name}"? Anything using it stops working.`)) return;
    setError(null);
    try {
      await trpc.tokens.revoke.mutate({ id });
      await load();
    } catch (e) {
      setError(userMessageOf(e));
    }
  }

  return (
    <Card id="tokens" title="API tokens">
      <p className="mt-1 text-sm text-slate-500">
        For the berth CLI, git push and scripts. read: look only; deploy: also push, change config and roll back; admin: everything your roles allow.
      </p>
      <form onSubmit={onCreate} className="mt-4 grid gap-3 sm:grid-cols-[1fr_8rem_8rem_auto] sm:items-end" noValidate data-testid="create-token-form">
        <Field id="token-name" label="Name">
          <input id="token-name" name="name" required maxLength={100} placeholder="laptop" className={inputClass} />
        </Field>
        <Field id="token-scope" label="Scope">
          <select id="token-scope" name="scope" defaultValue="deploy" className={inputClass}>
            <option value="read">read</option>
            <option value="deploy">deploy</option>
            <option value="admin">admin</option>
          </select>
        </Field>
        <Field id="token-expiry" label="Expires">
          <select id="token-expiry" name="expiry" defaultValue="90" className={inputClass}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton pending={pending} label="Create token" pendingLabel="Creating…" />
      </form>
      <div className="mt-3 space-y-3">
        <FormError message={createError} testId="create-token-error" />
        {secret && (
          <SecretOnce
            title={`Token "${secret.name}"`}
            hint="Copy it now: Berth keeps only a hash and cannot show it again. Use it with berth login, or as the password for git push."
            value={secret.token}
            testId="token-secret"
          />
        )}
        <FormError message={error} />
      </div>
      {tokens && tokens.length === 0 && <p className="mt-4 text-sm text-slate-500">No tokens yet.</p>}
      {tokens && tokens.length > 0 && (
        <div className="relative mt-4 overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="token-list">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">Name</th>
                <th className="py-2 pr-3 font-medium">Scope</th>
                <th className="py-2 pr-3 font-medium">Created</th>
                <th className="py-2 pr-3 font-medium">Last used</th>
                <th className="py-2 pr-3 font-medium">Expires</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => (
                <tr key={t.id} data-testid={`token-${t.name}`} data-state={t.state}>
                  <td className="py-2 pr-3 font-medium">{t.name}</td>
                  <td className="py-2 pr-3">{t.scope}</td>
                  <td className="py-2 pr-3 text-slate-600">{formatDate(t.createdAt)}</td>
                  <td className="py-2 pr-3 text-slate-600">{formatDate(t.lastUsedAt)}</td>
                  <td className="py-2 pr-3 text-slate-600">{t.expiresAt ? formatDate(t.expiresAt) : "never"}</td>
                  <td className="py-2 text-right">
                    {t.state === "active" ? (
                      <button type="button" onClick={() => revoke(t.id, t.name)} className={dangerButtonClass} data-testid={`revoke-${t.name}`}>
                        Revoke
                      </button>
                    ) : (
                      <span className="text-xs text-slate-500">{t.state}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
