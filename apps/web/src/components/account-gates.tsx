"use client";

import { type Actor, roleLabels } from "@tiffin/kit/actor";
import { buttonStyles, EmptyState } from "@tiffin/ui";
import type { ReactNode } from "react";
import { signInPath } from "@/auth/safe-next";
import { SignOutButton } from "./sign-out-button";

/** For a page (or part of one) that needs an account: says why, and offers sign-in and registration. */
export function SignInPrompt({
  title,
  description,
  next,
  icon = "🔐",
  headingLevel = 1,
}: {
  title: ReactNode;
  description: ReactNode;
  /** Where to come back to after signing in. */
  next: string;
  icon?: ReactNode;
  headingLevel?: 1 | 2;
}) {
  return (
    <EmptyState
      headingLevel={headingLevel}
      icon={icon}
      title={title}
      description={description}
      variant={headingLevel === 1 ? "page" : "section"}
      action={
        <>
          <a href={signInPath(next)} className={buttonStyles()}>
            Sign in
          </a>
          <a
            href={`/auth/register?next=${encodeURIComponent(next)}`}
            className={buttonStyles({ variant: "secondary" })}
          >
            Create an account
          </a>
        </>
      }
    />
  );
}

/**
 * Signed in, but with an account that can't do this: says who they are and why, and lets them switch
 * (sign out, then sign in again and come back here).
 */
export function WrongAccount({
  actor,
  title,
  reason,
  next,
  icon = "🙅",
  headingLevel = 1,
}: {
  actor: Actor;
  title: ReactNode;
  reason: ReactNode;
  next: string;
  icon?: ReactNode;
  headingLevel?: 1 | 2;
}) {
  return (
    <EmptyState
      headingLevel={headingLevel}
      icon={icon}
      title={title}
      variant={headingLevel === 1 ? "page" : "section"}
      description={
        <>
          <p>
            You're signed in as <strong className="font-semibold text-stone-900">{actor.name}</strong> (
            {roleLabels[actor.role].toLowerCase()} account).
          </p>
          <p className="mt-2">{reason}</p>
        </>
      }
      action={<SignOutButton next={signInPath(next)} label="Sign out and switch account" />}
    />
  );
}
