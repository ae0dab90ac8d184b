import type { KitchenTicket, TicketLane } from "@tiffin/restaurants";

/*
 * Words and numbers the kitchen dashboard shows, as plain functions (unit-tested): lane names, prep-time
 * choices, rejection reasons, store state, opening-hours rows and sales figures.
 */

export const laneLabels: Record<TicketLane, string> = {
  new: "New",
  preparing: "Preparing",
  ready: "Ready",
  done: "Done today",
};

export const laneEmpty: Record<TicketLane, { title: string; description: string }> = {
  new: {
    title: "No new orders",
    description: "New orders appear here automatically, newest first. Keep this screen open during service.",
  },
  preparing: {
    title: "Nothing being prepared",
    description: "Orders you accept move here until they are ready.",
  },
  ready: {
    title: "Nothing waiting for pick-up",
    description: "Orders you mark ready wait here for the courier.",
  },
  done: {
    title: "Nothing finished today",
    description: "Picked-up, rejected and cancelled orders of today are listed here.",
  },
};

export const PREP = { min: 5, max: 90 } as const;
/** One tap for the usual prep times; anything else from 5 to 90 can be typed. */
export const prepChoices = [10, 15, 20, 30, 45, 60] as const;

/** The prep time typed, or why it can't be used (the server checks the same range). */
export const prepProblem = (raw: string): string | undefined => {
  if (!/^\d{1,3}$/.test(raw.trim()))
    return `Enter a whole number of minutes from ${PREP.min} to ${PREP.max}.`;
  const minutes = Number(raw);
  if (minutes < PREP.min || minutes > PREP.max) return `Choose from ${PREP.min} to ${PREP.max} minutes.`;
  return undefined;
};

export const staffReasons = [
  { value: "too_busy", label: "Too busy right now" },
  { value: "item_unavailable", label: "An item is unavailable" },
  { value: "closing", label: "Closing soon" },
  { value: "other", label: "Other (tell the customer why)" },
] as const;
export type StaffReason = (typeof staffReasons)[number]["value"];

const reasonText: Record<string, string> = {
  too_busy: "Too busy",
  item_unavailable: "An item was unavailable",
  closing: "Closing",
  other: "Other",
  not_answered: "Not answered in time (automatic)",
};

export const NOTE_MAX = 300;

/** Characters as the server counts them (code points), so "🌶️" is not two. */
export const charCount = (text: string) => [...text.trim()].length;

/** What a finished ticket shows about how it ended. */
export const outcomeOf = (t: KitchenTicket): string => {
  if (t.status === "rejected" && t.rejection) {
    const why = reasonText[t.rejection.reason] ?? t.rejection.reason;
    return t.rejection.note ? `Rejected: ${why}. "${t.rejection.note}"` : `Rejected: ${why}.`;
  }
  if (t.status === "withdrawn") return "Cancelled by the customer before it was accepted.";
  if (t.status === "done") return "Picked up.";
  return "";
};

export const statusBadge: Record<
  KitchenTicket["status"],
  { label: string; tone: "brand" | "info" | "success" | "neutral" | "danger" }
> = {
  new: { label: "New", tone: "brand" },
  accepted: { label: "Preparing", tone: "info" },
  ready: { label: "Ready", tone: "success" },
  done: { label: "Picked up", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
  withdrawn: { label: "Cancelled", tone: "neutral" },
};

/** "in 4 min", "2 min late": the time left until a ready-by or answer-by instant. */
export const minutesLeft = (until: string, now: number): string => {
  const minutes = Math.round((Date.parse(until) - now) / 60_000);
  if (minutes > 0) return `in ${minutes} min`;
  if (minutes === 0) return "now";
  return `${-minutes} min late`;
};

/** "19:30" in the restaurant's own time zone (the kitchen may sit elsewhere from the server). */
export const clockIn = (timeZone: string, iso: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(iso),
  );

export interface StoreView {
  store: {
    state: "open" | "paused" | "busy";
    pausedUntil: string | null;
    busyExtraMinutes: number;
    message: string;
  };
  timeZone: string;
  availability: { acceptingOrders: boolean; status: "open" | "busy" | "paused" | "closed" };
}

/** One line saying whether the store takes orders and why not. */
export const storeHeadline = (s: StoreView): { text: string; tone: "success" | "warning" | "danger" } => {
  switch (s.availability.status) {
    case "open":
      return { text: "Open: taking orders", tone: "success" };
    case "busy":
      return {
        text: `Busy: taking orders, +${s.store.busyExtraMinutes} min on every estimate`,
        tone: "warning",
      };
    case "paused":
      return {
        text: s.store.pausedUntil
          ? `Paused until ${clockIn(s.timeZone, s.store.pausedUntil)}: not taking orders`
          : "Paused until you resume: not taking orders",
        tone: "danger",
      };
    case "closed":
      return { text: "Closed by your opening hours: not taking orders", tone: "danger" };
  }
};

export const pauseChoices = [
  { minutes: 15, label: "15 min" },
  { minutes: 30, label: "30 min" },
  { minutes: 60, label: "1 hour" },
  { minutes: null, label: "Until I resume" },
] as const;

export const busyChoices = [10, 15, 20, 30, 45, 60] as const;

export const dayLabels = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** Monday first, as a week reads on a schedule. */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;

export interface HoursEntry {
  day: number;
  opens: string;
  closes: string;
}

/** A day of the editor: closed, open around the clock, or one or more ranges. */
export interface DayRow {
  day: number;
  mode: "closed" | "allDay" | "ranges";
  ranges: { opens: string; closes: string }[];
}

const isAllDay = (entries: HoursEntry[]) =>
  entries.length === 2 &&
  entries[0]?.opens === "00:00" &&
  entries[0]?.closes === "12:00" &&
  entries[1]?.opens === "12:00" &&
  entries[1]?.closes === "00:00";

export const rowsFromHours = (hours: readonly HoursEntry[]): DayRow[] =>
  weekOrder.map((day) => {
    const entries = hours.filter((h) => h.day === day).sort((a, b) => a.opens.localeCompare(b.opens));
    if (entries.length === 0) return { day, mode: "closed", ranges: [{ opens: "11:00", closes: "22:00" }] };
    if (isAllDay(entries)) return { day, mode: "allDay", ranges: [{ opens: "11:00", closes: "22:00" }] };
    return { day, mode: "ranges", ranges: entries.map(({ opens, closes }) => ({ opens, closes })) };
  });

/** What setOpeningHours takes: a day open around the clock is 00:00-12:00 and 12:00-00:00. */
export const hoursFromRows = (rows: readonly DayRow[]): HoursEntry[] =>
  rows.flatMap((row) => {
    if (row.mode === "closed") return [];
    if (row.mode === "allDay") {
      return [
        { day: row.day, opens: "00:00", closes: "12:00" },
        { day: row.day, opens: "12:00", closes: "00:00" },
      ];
    }
    return row.ranges.map((r) => ({ day: row.day, ...r }));
  });

export const percent = (rate: number | null): string => (rate === null ? "–" : `${Math.round(rate * 100)}%`);
