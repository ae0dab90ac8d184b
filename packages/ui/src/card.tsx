import type { ComponentProps } from "react";
import { cx } from "./cx";

/** Card surface as classes, for elements that need their own semantics (<article>, <section>, <li>). */
export const cardStyles = (className?: string) =>
  cx("rounded-2xl bg-white shadow-sm ring-1 ring-stone-200/80", className);

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cardStyles(className)} {...props} />;
}
