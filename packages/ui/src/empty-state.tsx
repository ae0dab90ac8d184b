import type { ReactNode } from "react";
import { cx } from "./cx";

export interface EmptyStateProps {
  /** A large emoji or icon; decorative. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  /** Heading level: keep the page outline correct (h1 when it is the whole page). */
  headingLevel?: 1 | 2 | 3;
  /** "page" when it is all the page shows (more room around it). */
  variant?: "section" | "page";
}

export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel = 2,
  variant = "section",
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cx(
        "mx-auto flex max-w-md flex-col items-center px-4 text-center",
        variant === "page" ? "py-20" : "py-12",
      )}
    >
      {icon && (
        <div
          aria-hidden="true"
          className="mb-4 grid size-20 place-items-center rounded-full bg-orange-50 text-4xl"
        >
          {icon}
        </div>
      )}
      <Heading className="text-xl font-bold text-stone-900">{title}</Heading>
      {description && <div className="mt-2 text-stone-600">{description}</div>}
      {action && <div className="mt-6 flex flex-wrap justify-center gap-3">{action}</div>}
    </div>
  );
}
