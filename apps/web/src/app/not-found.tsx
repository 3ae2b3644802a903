import Link from "next/link";

/** Rendered with HTTP 404: a missing page, and (on purpose, the same answer) another team's. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-16">
      <p className="text-sm font-medium text-slate-500">404</p>
      <h1 className="mt-1 text-xl font-semibold">Nothing here</h1>
      <p className="mt-2 text-sm text-slate-600" data-testid="not-found">
        This page does not exist, or it belongs to a team you are not a member of. Check the link, or ask the team&apos;s admins for an invitation.
      </p>
      <p className="mt-6">
        <Link href="/tenants" className="text-sm font-medium underline">
          Go to your tenants
        </Link>
      </p>
    </main>
  );
}
