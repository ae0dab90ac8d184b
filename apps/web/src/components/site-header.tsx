import { cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { AccountMenu } from "./account-menu";
import { CartLink } from "./cart-link";
import { Wordmark } from "./logo";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200/80 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Link
          href="/"
          aria-label="Tiffin, all restaurants"
          className={cx("rounded-lg text-stone-900", focusRing)}
        >
          <Wordmark />
        </Link>
        <div className="flex items-center gap-1 sm:gap-2">
          <AccountMenu />
          <CartLink />
        </div>
      </div>
    </header>
  );
}
