const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "4 minutes ago", "2 hours ago", "yesterday": for order times on a kitchen screen. */
export const timeAgo = (then: Date, now: Date): string => {
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  return relative.format(-Math.round(hours / 24), "day");
};

/** "Updated 3s ago": the age of the data on screen, short enough to tick every second. */
export const ageInSeconds = (since: number, now: number): number =>
  Math.max(0, Math.floor((now - since) / 1000));

const clock = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const formatClock = (date: Date): string => clock.format(date);
export const formatDateTime = (date: Date): string => dateTime.format(date);
