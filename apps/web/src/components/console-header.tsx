import Link from "next/link";
import { Brand } from "./brand";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { TenantSwitcher } from "./tenant-switcher";

/**
 * The bar on every signed-in page: the tenant you are in (and the switch to another), where you
 * can go, who you are, and the way out. Wraps onto two lines at phone width.
 */
export function ConsoleHeader({
  email,
  isPlatformAdmin,
  tenants = [],
  tenant = null,
}: {
  email: string;
  isPlatformAdmin: boolean;
  tenants?: string[];
  tenant?: string | null;
}) {
  const t = tenant ? `/t/${encodeURIComponent(tenant)}` : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <div className="flex min-w-0 items-center gap-3">
          <Link href={t ? `${t}/apps` : "/tenants"} aria-label="Berth home">
            <Brand />
          </Link>
          <TenantSwitcher tenants={tenants} current={tenant} />
        </div>
        <div className="flex items-center gap-3">
          <span className="hidden text-sm text-slate-500 md:inline" data-testid="signed-in-as">
            {email}
          </span>
          <SignOutButton />
        </div>
        <nav className="-mx-2 flex w-full gap-1 overflow-x-auto pb-1" aria-label="Main">
          {t && (
            <>
              <NavLink href={`${t}/apps`} testId="nav-apps">
                Apps
              </NavLink>
              <NavLink href={`${t}/members`} testId="nav-members">
                Members
              </NavLink>
              <NavLink href={`${t}/audit`} testId="nav-audit">
                Audit log
              </NavLink>
            </>
          )}
          <NavLink href="/tenants" exact testId="nav-tenants">
            Tenants
          </NavLink>
          <NavLink href="/account" testId="nav-account">
            Account
          </NavLink>
          {isPlatformAdmin && (
            <NavLink href="/admin" testId="nav-admin">
              Admin
            </NavLink>
          )}
        </nav>
      </div>
    </header>
  );
}
