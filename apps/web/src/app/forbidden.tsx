import { SignOutButton } from "../components/sign-out-button";
import { getSessionUser } from "../server/session";

/** Rendered with HTTP 403 whenever a page calls forbidden(). */
export default async function Forbidden() {
  const user = await getSessionUser();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-16">
      <p className="text-sm font-medium text-slate-500">403</p>
      <h1 className="mt-1 text-xl font-semibold">Only platform admins can see this page</h1>
      {user && <p className="mt-2 text-sm text-slate-600">You are signed in as {user.email}, which is not a platform admin account.</p>}
      <div className="mt-6">
        <SignOutButton />
      </div>
    </main>
  );
}
