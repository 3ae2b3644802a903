import { redirect } from "next/navigation";

export default async function TenantHome({ params }: { params: Promise<{ tenant: string }> }) {
  redirect(`/t/${(await params).tenant}/apps`);
}
