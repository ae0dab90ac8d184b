import type { ReactNode } from "react";
import { cx } from "./cx";
import { AlertIcon, CheckCircleIcon, InfoIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: "bg-sky-50 text-sky-900 ring-sky-200", icon: "text-sky-700", Icon: InfoIcon },
  success: {
    box: "bg-emerald-50 text-emerald-900 ring-emerald-200",
    icon: "text-emerald-700",
    Icon: CheckCircleIcon,
  },
  warning: { box: "bg-amber-50 text-amber-900 ring-amber-200", icon: "text-amber-700", Icon: AlertIcon },
  danger: { box: "bg-red-50 text-red-900 ring-red-200", icon: "text-red-700", Icon: AlertIcon },
};

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  /**
   * "alert" interrupts (errors after an action), "status" is announced politely, "none" is static text
   * that is present on load (e.g. a closed-restaurant notice).
   */
  live?: "alert" | "status" | "none";
  id?: string;
  className?: string;
}

export function Alert({ tone = "info", title, children, action, live = "none", id, className }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      id={id}
      role={live === "none" ? undefined : live}
      className={cx("flex gap-3 rounded-2xl p-4 text-sm ring-1 ring-inset", box, className)}
    >
      <Icon className={cx("mt-0.5 size-5 shrink-0", icon)} />
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="leading-relaxed">{children}</div>}
        {action && <div className="flex flex-wrap gap-2 pt-2">{action}</div>}
      </div>
    </div>
  );
}
