import { getInvitation } from "@berth/core/invitations/get-invitation";
import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "../../../components/brand";
import { getDb } from "../../../server/services";
import { getSessionUser } from "../../../server/session";
import { AcceptInvite } from "./accept-invite";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A link that is too long to be ours is not looked up at all.
  const invitation = token.length <= 200 ? await getInvitation(getDb(), { token }) : null;
  const user = await getSessionUser();
  const here = `/invite/${encodeURIComponent(token)}`;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <Brand />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8" data-testid="invite-card">
          {!invitation ? (
            <>
              <h1 className="text-lg font-semibold">This invitation link is not valid</h1>
              <p className="mt-2 text-sm text-slate-600">Check that you copied the whole link, or ask for a new one.</p>
            </>
          ) : invitation.state !== "open" ? (
            <>
              <h1 className="text-lg font-semibold">
                {invitation.state === "expired" ? "This invitation has expired" : "This invitation has already been used"}
              </h1>
              <p className="mt-2 text-sm text-slate-600">Ask an admin of “{invitation.tenant}” for a new link.</p>
            </>
          ) : (
            <>
              <h1 className="text-lg font-semibold">Join “{invitation.tenant}”</h1>
              <p className="mt-2 text-sm text-slate-600">
                You are invited as <strong data-testid="invite-role">{invitation.role}</strong>. The invitation was made for {invitation.email}.
              </p>
              {user ? (
                <AcceptInvite token={token} email={user.email} />
              ) : (
                <div className="mt-6 flex flex-col gap-2 sm:flex-row">
                  <Link
                    href={`/sign-up?next=${encodeURIComponent(here)}`}
                    data-testid="invite-sign-up"
                    className="rounded-lg bg-slate-900 px-4 py-2 text-center text-sm font-medium text-white hover:bg-slate-700"
                  >
                    Create an account to join
                  </Link>
                  <Link
                    href={`/sign-in?next=${encodeURIComponent(here)}`}
                    className="rounded-lg border border-slate-300 px-4 py-2 text-center text-sm font-medium text-slate-700 hover:bg-slate-50"
                  >
                    I have an account
                  </Link>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </main>
  );
}
