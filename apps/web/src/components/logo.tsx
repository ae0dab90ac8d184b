import { cx } from "@tiffin/ui";

/** A stacked tiffin carrier, drawn inline (no image requests). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={cx("size-8", className)} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="#c2410c" />
      <path
        d="M11.5 9.5a4.5 4.5 0 0 1 9 0"
        stroke="#fff"
        strokeWidth="2.2"
        fill="none"
        strokeLinecap="round"
      />
      <rect x="8" y="10.5" width="16" height="5" rx="2" fill="#fff" />
      <rect x="8" y="16.5" width="16" height="5" rx="2" fill="#fed7aa" />
      <rect x="8" y="22.5" width="16" height="5" rx="2" fill="#fff" />
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-2 text-xl font-extrabold tracking-tight", className)}>
      <LogoMark />
      Tiffin
    </span>
  );
}
