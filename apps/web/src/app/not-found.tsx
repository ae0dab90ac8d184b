import { buttonStyles, EmptyState } from "@tiffin/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <EmptyState
          headingLevel={1}
          icon="🧭"
          title="We couldn't find that page"
          description="The link may be old, or the page may have moved. Let's get you back to something tasty."
          action={
            <Link href="/" className={buttonStyles()}>
              Browse restaurants
            </Link>
          }
          variant="page"
        />
      </main>
      <SiteFooter />
    </>
  );
}
