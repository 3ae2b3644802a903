import { redirect } from "next/navigation";
import { getSessionUser } from "../server/session";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  redirect(user.isPlatformAdmin ? "/admin/health" : "/tenants");
}
