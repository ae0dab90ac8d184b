import { cx } from "@tiffin/ui";
import { ageInSeconds } from "@/lib/time";

/** How old the board's data is, and whether the last poll failed. */
export function FreshnessIndicator({
  updatedAt,
  failing,
  now,
}: {
  updatedAt: number;
  failing: boolean;
  now: number;
}) {
  if (updatedAt === 0) return null;
  const age = ageInSeconds(updatedAt, now);
  return (
    <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1.5 text-sm font-medium text-stone-700 ring-1 ring-stone-200">
      <span
        aria-hidden="true"
        className={cx(
          "size-2.5 rounded-full",
          failing ? "bg-amber-500" : "bg-emerald-500 motion-safe:animate-pulse",
        )}
      />
      {failing ? `Connection problem, retrying. Updated ${age}s ago` : `Updated ${age}s ago`}
    </p>
  );
}
