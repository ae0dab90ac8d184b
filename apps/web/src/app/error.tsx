"use client";

import { Button, buttonStyles, EmptyState } from "@tiffin/ui";
import Link from "next/link";
import { useEffect } from "react";
import { Wordmark } from "@/components/logo";

/** Any unexpected failure while rendering a page: a calm message and a way forward, never a stack trace. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <main id="main" tabIndex={-1} className="flex flex-1 flex-col items-center px-4 py-10 outline-none">
      <Link href="/" aria-label="Tiffin, all restaurants" className="rounded-lg">
        <Wordmark />
      </Link>
      <EmptyState
        headingLevel={1}
        icon="🍳"
        title="Something went wrong"
        description="Sorry, this page didn't load properly. Your cart is safe. Please try again."
        action={
          <>
            <Button onClick={retry}>Try again</Button>
            <Link href="/" className={buttonStyles({ variant: "secondary" })}>
              Go to the homepage
            </Link>
          </>
        }
        variant="page"
      />
    </main>
  );
}
