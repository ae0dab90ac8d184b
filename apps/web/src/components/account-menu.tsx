"use client";

import { type Actor, type Role, roleLabels } from "@tiffin/kit/actor";
import { cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { signInPath } from "@/auth/safe-next";
import { useSession } from "@/session/use-session";
import { SignOutButton } from "./sign-out-button";

/** Each role's way into its own part of Tiffin; roles whose tools don't exist yet get none (no dead ends). */
const roleLinks: Record<Role, { href: string; label: string }[]> = {
  customer: [{ href: "/orders", label: "Your orders" }],
  restaurant: [{ href: "/restaurant", label: "Dashboard" }],
  courier: [],
  agent: [],
  operator: [],
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/**
 * The header's account area: "Sign in" when signed out; when signed in, a disclosure with the person's
 * name that opens their role's links and "Sign out". `tone="dark"` for the staff chrome.
 */
export function AccountMenu({ tone = "light" }: { tone?: "light" | "dark" }) {
  const session = useSession();
  const pathname = usePathname();

  if (session.status === "loading" && session.unavailable) {
    // The issuer can't be reached: say so, rather than a blank (the session itself is kept).
    return (
      <span
        role="status"
        className={cx(
          "inline-flex min-h-11 items-center px-2 text-xs font-semibold",
          tone === "dark" ? "text-orange-100" : "text-stone-700",
        )}
      >
        Sign-in temporarily unavailable
      </span>
    );
  }
  if (session.status === "loading") {
    // Same footprint as the button, so the header doesn't jump when the session arrives.
    return <span aria-hidden="true" className="inline-block h-11 w-20" />;
  }
  if (session.status === "signed-out") {
    return (
      <a
        href={signInPath(pathname === "/signin" ? "/" : pathname)}
        className={cx(
          "inline-flex min-h-11 items-center rounded-full px-3 text-sm font-semibold",
          tone === "dark" ? "text-white hover:bg-white/10" : "text-stone-900 hover:bg-stone-100",
          focusRing,
          tone === "dark" && "focus-visible:outline-orange-300",
        )}
      >
        Sign in
      </a>
    );
  }
  return <SignedInMenu actor={session.actor} tone={tone} />;
}

function SignedInMenu({ actor, tone }: { actor: Actor; tone: "light" | "dark" }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // Close on navigation, outside click and Escape (focus back on the button, so keyboard users stay put).
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new pathname.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const links = roleLinks[actor.role];
  const first = firstName(actor.name);
  const rest = actor.name.trim().slice(first.length).trim();
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className={cx(
          "inline-flex min-h-11 max-w-40 items-center gap-2 rounded-full px-2 text-sm font-semibold sm:max-w-56",
          tone === "dark"
            ? "text-white hover:bg-white/10 focus-visible:outline-orange-300"
            : "text-stone-900 hover:bg-stone-100",
          focusRing,
        )}
      >
        <span
          aria-hidden="true"
          className="grid size-8 shrink-0 place-items-center rounded-full bg-orange-100 text-sm font-bold text-orange-900"
        >
          {first.charAt(0).toUpperCase()}
        </span>
        {/* Named "Account: <full name>", starting with what is visible (WCAG 2.5.3). */}
        <span className="sr-only">Account: </span>
        <span className="truncate">{first}</span>
        {rest && <span className="sr-only"> {rest}</span>}
        <span aria-hidden="true" className="text-xs">
          ▾
        </span>
      </button>
      <section
        id={panelId}
        aria-label="Your account"
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-64 rounded-2xl bg-white p-4 text-stone-900 shadow-lg ring-1 ring-stone-200"
      >
        <p className="truncate font-semibold">{actor.name}</p>
        <p className="truncate text-sm text-stone-600">{actor.email}</p>
        <p className="mt-1 text-xs font-semibold uppercase tracking-wider text-stone-600">
          {roleLabels[actor.role]}
        </p>
        {links.length > 0 && (
          <ul className="mt-3 space-y-1 border-t border-stone-100 pt-3">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className={cx(
                    "flex min-h-10 items-center rounded-lg px-2 text-sm font-semibold hover:bg-stone-100",
                    focusRing,
                  )}
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <SignOutButton className="mt-3 border-t border-stone-100 pt-3" style={{ block: true, size: "sm" }} />
      </section>
    </div>
  );
}
