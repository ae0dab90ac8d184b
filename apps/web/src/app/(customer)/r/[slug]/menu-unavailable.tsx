"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { CatalogUnavailable } from "@/components/catalog-unavailable";

/** A menu the server has no copy of while the restaurants service is down; "Try again" renders it anew. */
export function MenuUnavailable() {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="sr-only">Menu</h1>
      <CatalogUnavailable
        title="This menu is temporarily unavailable"
        onRetry={() => startRetry(() => router.refresh())}
        retrying={retrying}
      />
    </div>
  );
}
