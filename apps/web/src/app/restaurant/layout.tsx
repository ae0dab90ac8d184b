import { cx, focusRing } from "@tiffin/ui";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account-menu";
import { LogoMark } from "@/components/logo";
import { StaffNavLink } from "./staff-nav-link";

export const metadata: Metadata = {
  title: { default: "Kitchen orders", template: "%s · Tiffin for Restaurants" },
  robots: { index: false },
};

const navLink = cx(
  "inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-2.5 text-sm font-semibold text-stone-300 hover:bg-white/10 hover:text-white sm:px-3",
  focusRing,
  "focus-visible:outline-orange-300",
);

/** The staff tool: its own dark chrome, so nobody mistakes it for the customer site. */
export default function RestaurantLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-stone-100">
      <header className="bg-stone-900 text-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link
            href="/restaurant"
            className={cx(
              "inline-flex items-center gap-2 rounded-lg",
              focusRing,
              "focus-visible:outline-orange-300",
            )}
          >
            <LogoMark className="size-7" />
            <span className="font-extrabold tracking-tight">Tiffin</span>
            <span className="hidden rounded-md bg-white/10 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wider text-stone-200 sm:inline">
              Restaurants
            </span>
          </Link>
          <nav aria-label="Staff">
            <ul className="flex items-center gap-1">
              <li>
                <StaffNavLink href="/restaurant">Orders</StaffNavLink>
              </li>
              <li>
                <StaffNavLink href="/restaurant/menu">Menu</StaffNavLink>
              </li>
              {/* Left out on phones: with Orders, Menu and the account, the header would overflow. */}
              <li className="hidden sm:block">
                <Link href="/" className={navLink}>
                  Customer site
                </Link>
              </li>
              <li>
                <AccountMenu tone="dark" />
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        {children}
      </main>
    </div>
  );
}
