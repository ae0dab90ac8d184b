import { cx, focusRing } from "@tiffin/ui";
import Link from "next/link";
import { Wordmark } from "./logo";

const linkClass = cx(
  "rounded text-stone-700 underline-offset-4 hover:text-stone-900 hover:underline",
  focusRing,
);

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-[1fr_auto] sm:px-6">
        <div className="max-w-sm space-y-3">
          <Wordmark className="text-stone-900" />
          <p className="text-sm text-stone-600">
            Dinner from the neighbourhood places you love, delivered. An open food-ordering platform.
          </p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid gap-3 text-sm font-medium">
            <li>
              <Link href="/" className={linkClass}>
                Browse restaurants
              </Link>
            </li>
            <li>
              <Link href="/checkout" className={linkClass}>
                Your cart
              </Link>
            </li>
            <li>
              <Link href="/restaurant" className={linkClass}>
                For restaurants
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-stone-100 py-4 text-center text-xs text-stone-600">
        © {new Date().getFullYear()} Tiffin. Delivery and service fees are always shown before you order.
      </p>
    </footer>
  );
}
