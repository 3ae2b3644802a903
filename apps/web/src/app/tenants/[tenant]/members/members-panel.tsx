"use client";

import { useCallback, useEffect, useState } from "react";
import { Card } from "../../../../components/card";
import { FormError } from "../../../../components/form-error";
import { ConfirmButton } from "../../../../components/confirm-button";
import { dangerButtonClass } from "../../../../components/form-styles";
import { isUnauthorized, trpc, userMessageOf } from "../../../../lib/trpc-client";
import { InviteForm } from "./invite-form";

const ROLES = ["owner", "admin", "developer", "viewer"] as const;
type Role = (typeof ROLES)[number];
const canManage = (role: Role) => role === "owner" || role === "admin";

/** The wire shape: dates arrive as ISO strings, the link has no transformer. */
type TListMembersOutput = Awaited<ReturnType<typeof trpc.tenants.members.query>>;

export function MembersPanel({ tenant, myUserId }: { tenant: string; myUserId: string }) {
  const [data, setData] = useState<TListMembersOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await trpc.tenants.members.query({ tenant }));
    } catch (e) {
      if (isUnauthorized(e)) window.location.assign("/sign-in");
      else setError(userMessageOf(e));
    }
  }, [tenant]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(memberId: string, action: () => Promise<unknown>) {
    setBusy(memberId);
    setError(null);
    try {
      await action();
      await load();
    } catch (e) {
      setError(userMessageOf(e));
      await load(); // put a select that was changed back to what the server holds
    } finally {
      setBusy(null);
    }
  }

  if (!data) {
    return <div className="mt-6">{error ? <FormError message={error} /> : <p className="text-sm text-slate-500">Loading…</p>}</div>;
  }
  const manager = canManage(data.myRole);

  return (
    <div className="mt-6 space-y-6">
      <p className="text-sm text-slate-600" data-testid="my-role" data-role={data.myRole}>
        Your role: <strong>{data.myRole}</strong>. Viewers read; developers deploy, change config and roll back; admins manage members, domains and tokens; owners
        also delete the tenant.
      </p>
      <FormError message={error} testId="members-error" />
      <Card id="member-list" title="Members">
        <ul className="mt-3 divide-y divide-slate-100">
          {data.members.map((m) => (
            <li key={m.userId} data-testid={`member-${m.email}`} data-role={m.role} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium">{m.name ?? m.email}</p>
                {m.name && <p className="truncate text-xs text-slate-500">{m.email}</p>}
              </div>
              <div className="flex items-center gap-2">
                {manager ? (
                  <select
                    aria-label={`Role of ${m.email}`}
                    data-testid={`role-${m.email}`}
                    value={m.role}
                    disabled={busy === m.userId}
                    onChange={(e) => act(m.userId, () => trpc.tenants.changeRole.mutate({ tenant, memberId: m.userId, role: e.target.value as Role }))}
                    className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{m.role}</span>
                )}
                {(manager || m.userId === myUserId) && (
                  <button
                    type="button"
                    disabled={busy === m.userId}
                    data-testid={`remove-${m.email}`}
                    onClick={() => {
                      const leaving = m.userId === myUserId;
                      if (window.confirm(leaving ? `Leave "${tenant}"?` : `Remove ${m.email} from "${tenant}"?`)) {
                        void act(m.userId, async () => {
                          await trpc.tenants.removeMember.mutate({ tenant, memberId: m.userId });
                          if (leaving) window.location.assign("/tenants");
                        });
                      }
                    }}
                    className={dangerButtonClass}
                  >
                    {m.userId === myUserId ? "Leave" : "Remove"}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      {manager && (
        <>
          <InviteForm tenant={tenant} canInviteOwner={data.myRole === "owner"} onInvited={load} />
          {data.invitations.length > 0 && (
            <Card id="pending" title="Open invitations">
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {data.invitations.map((i) => (
                  <li key={i.id} data-testid={`invitation-${i.email}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>{i.email}</span>
                    <span className="flex flex-wrap items-center gap-2 text-slate-500">
                      {i.role} · expires {new Date(i.expiresAt).toLocaleDateString()}
                      <ConfirmButton
                        label="Withdraw"
                        question={`Withdraw the invitation for ${i.email}? Its link stops working.`}
                        confirmLabel="Withdraw"
                        pending={busy === i.id}
                        testId={`withdraw-${i.email}`}
                        onConfirm={() => act(i.id, () => trpc.tenants.revokeInvite.mutate({ tenant, invitationId: i.id }))}
                      />
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
