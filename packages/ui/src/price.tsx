import { cx } from "./cx";
import { formatPrice } from "./format";

export function Price({ cents, className }: { cents: number; className?: string }) {
  return <span className={cx("tabular-nums", className)}>{formatPrice(cents)}</span>;
}
