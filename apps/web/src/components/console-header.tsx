import Link from "next/link";
import { Brand } from "./brand";
import { SignOutButton } from "./sign-out-button";

/** The bar on every signed-in page: where you can go, who you are, and the way out. */
export function ConsoleHeader({ email, isPlatformAdmin }: { email: string; isPlatformAdmin: boolean }) {
  const link = "rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-4">
          <Link href="/tenants" aria-label="Berth home">
            <Brand />
          </Link>
          <nav className="flex items-center gap-1">
            <Link href="/tenants" className={link}>
              Tenants
            </Link>
            <Link href="/account" className={link} data-testid="nav-account">
              Account
            </Link>
            {isPlatformAdmin && (
              <Link href="/admin/health" className={link}>
                Health
              </Link>
            )}
          </nav>
        </div>
        <div className="flex items-center gap-3">
          <span className="hidden text-sm text-slate-500 sm:inline" data-testid="signed-in-as">
            {email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
