import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { NavLink } from "../../../../../components/nav-link";
import { callerFor } from "../../../../../server/page-caller";
import { requireUser } from "../../../../../server/require-user";

const TABS: { path: string; label: string }[] = [
  { path: "", label: "Overview" },
  { path: "/deployments", label: "Deployments" },
  { path: "/releases", label: "Releases" },
  { path: "/config", label: "Config vars" },
  { path: "/build", label: "Build" },
  { path: "/scaling", label: "Scaling" },
  { path: "/health", label: "Health check" },
  { path: "/logs", label: "Logs" },
  { path: "/domains", label: "Domains" },
];

/** One app: its name, and a tab per thing you do with it. Every tab has its own shareable URL. */
export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string; app: string }> }) {
  const p = await params;
  const tenant = decodeURIComponent(p.tenant);
  const app = decodeURIComponent(p.app);
  const base = `/t/${encodeURIComponent(tenant)}/apps/${encodeURIComponent(app)}`;
  const user = await requireUser(base);
  // The app must exist and be the user's to see; another tenant's app is a 404 like a missing one.
  try {
    await callerFor(user).apps.info({ tenant, app });
  } catch (err) {
    if ((err as { code?: unknown }).code === "NOT_FOUND") notFound();
    throw err;
  }
  return (
    <>
      <p className="text-sm text-slate-500">
        <Link href={`/t/${encodeURIComponent(tenant)}/apps`} className="underline">
          Apps
        </Link>{" "}
        / <span className="font-mono">{app}</span>
      </p>
      <h1 className="mt-1 font-mono text-2xl font-semibold tracking-tight" data-testid="app-title">
        {app}
      </h1>
      <nav className="-mx-2 mt-4 flex gap-1 overflow-x-auto border-b border-slate-200 pb-2" aria-label="App">
        {TABS.map((t) => (
          <NavLink key={t.path} href={`${base}${t.path}`} exact={t.path === ""} testId={`tab-${t.label.toLowerCase().replace(/ /g, "-")}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <div className="mt-6">{children}</div>
    </>
  );
}
