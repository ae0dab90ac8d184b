import { cx } from "./cx";

/**
 * Loading placeholder; hidden from assistive tech (announce loading with text or aria-busy instead).
 * Give it its size and corner radius through `className`.
 */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx("bg-stone-200/80 motion-safe:animate-pulse", className)} />;
}
