import { redirect } from "next/navigation";
import { getSessionUser } from "../server/session";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (user.isPlatformAdmin) redirect("/admin/health");
  // Non-admin users have no console pages yet (issue #2 brings only the admin's health page).
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-16">
      <h1 className="text-xl font-semibold">Welcome, {user.name ?? user.email}</h1>
      <p className="mt-2 text-sm text-slate-600">There is nothing for your account here yet.</p>
    </main>
  );
}
