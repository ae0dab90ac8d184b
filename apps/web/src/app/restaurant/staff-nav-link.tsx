"use client";

import { cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

const navLink = cx(
  "inline-flex min-h-10 items-center whitespace-nowrap rounded-lg px-2.5 text-sm font-semibold text-stone-300 hover:bg-white/10 hover:text-white sm:px-3",
  focusRing,
  "focus-visible:outline-orange-300",
);

/** A link of the staff navigation, marked as the current page where it leads to the page shown. */
export function StaffNavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = usePathname() === href;
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cx(navLink, current && "bg-white/10 text-white")}
    >
      {children}
    </Link>
  );
}
