"use client";

import { Alert, buttonStyles } from "@tiffin/ui";
import Link from "next/link";
import { roleLabels } from "@/session/session";
import { useSession } from "@/session/use-session";

/** Someone who is already signed in lands here: say so, and offer to carry on. */
export function SignedInNotice({ next }: { next: string }) {
  const session = useSession();
  if (session.status !== "signed-in") return null;
  const { actor } = session;
  return (
    <Alert
      tone="success"
      live="status"
      title={`You're signed in as ${actor.name}`}
      className="mt-5"
      action={
        <Link href={next} className={buttonStyles({ size: "sm" })}>
          Continue
        </Link>
      }
    >
      {roleLabels[actor.role]} account, {actor.email}. To use another account, sign out first.
    </Alert>
  );
}
