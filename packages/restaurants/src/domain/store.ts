import { minutesOf, type OpeningHoursEntry, type StoreStateFields } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";

/*
 * Store state and opening hours, as staff set them. What they mean for orders at a given moment (paused,
 * closed by hours, busy) is `storeAvailability` in @tiffin/contracts, shared with orders.
 */

export type StoreState = StoreStateFields;
export type { OpeningHoursEntry };

export interface GeoPoint {
  lat: number;
  lng: number;
}

export const OPEN_STORE: StoreState = { state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" };

export const STORE_LIMITS = {
  busyMinMinutes: 5,
  busyMaxMinutes: 120,
  messageMax: 200,
  /** A pause longer than this is a closure: change the opening hours instead. */
  pauseMaxDays: 7,
  /** Three services a day (breakfast, lunch, dinner) is plenty. */
  entriesPerDay: 3,
  entriesMax: 21,
} as const;

export const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Open around the clock every day: two entries a day, so no reader has to guess what 00:00-00:00 means. */
export const allDayEveryDay = (): OpeningHoursEntry[] =>
  [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
    { day, opens: "00:00", closes: "12:00" },
    { day, opens: "12:00", closes: "00:00" },
  ]);

const invalid = (message: string, field: string) => new DomainError("invalid", message, { [field]: message });

/** What staff ask for; the router has already checked types, ranges and characters. */
export interface StoreStateRequest {
  state: StoreState["state"];
  pausedUntil?: string | null;
  busyExtraMinutes?: number;
  message?: string;
}

/** The store state to save, or a 400 naming the field that needs changing. */
export const storeStateFrom = (req: StoreStateRequest, now: Date): StoreState => {
  if (req.state !== "busy" && req.busyExtraMinutes !== undefined) {
    throw invalid(
      "Extra minutes are only for a busy kitchen: choose Busy, or leave them out.",
      "busyExtraMinutes",
    );
  }
  if (req.state !== "paused" && req.pausedUntil) {
    throw invalid("A resume time is only for a pause: choose Paused, or leave it out.", "pausedUntil");
  }
  const message = req.message ?? "";
  if (req.state === "open") return OPEN_STORE;
  if (req.state === "busy") {
    if (req.busyExtraMinutes === undefined) {
      throw invalid(
        `Say how many minutes to add while busy (${STORE_LIMITS.busyMinMinutes}-${STORE_LIMITS.busyMaxMinutes}).`,
        "busyExtraMinutes",
      );
    }
    return { state: "busy", pausedUntil: null, busyExtraMinutes: req.busyExtraMinutes, message };
  }
  const until = req.pausedUntil ?? null;
  if (until !== null) {
    const at = Date.parse(until);
    if (at <= now.getTime()) {
      throw invalid("The resume time has already passed: choose a time in the future.", "pausedUntil");
    }
    if (at > now.getTime() + STORE_LIMITS.pauseMaxDays * 86_400_000) {
      throw invalid(
        `Pause for at most ${STORE_LIMITS.pauseMaxDays} days; for longer, change the opening hours.`,
        "pausedUntil",
      );
    }
  }
  return {
    state: "paused",
    pausedUntil: until === null ? null : new Date(until).toISOString(),
    busyExtraMinutes: 0,
    message,
  };
};

/** A time zone the runtime knows (IANA, e.g. "Europe/London"). */
export const isKnownTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks a week of opening hours: times differ, no day has more than three entries, and entries of one day
 * do not overlap (an overnight entry must be that day's last). Returns them sorted by day and time.
 */
export const openingHoursFrom = (
  hours: readonly OpeningHoursEntry[],
  timeZone: string,
): OpeningHoursEntry[] => {
  if (!isKnownTimeZone(timeZone)) {
    throw invalid(`"${timeZone}" isn't a time zone we know: use one like Europe/London.`, "timeZone");
  }
  const sorted = [...hours].sort((a, b) => a.day - b.day || minutesOf(a.opens) - minutesOf(b.opens));
  for (const [i, entry] of sorted.entries()) {
    const day = dayNames[entry.day] ?? `day ${entry.day}`;
    if (entry.opens === entry.closes) {
      throw invalid(
        `${day}: opening and closing times are the same (${entry.opens}). For a day open around the clock, use 00:00-12:00 and 12:00-00:00.`,
        `hours.${hours.indexOf(entry)}`,
      );
    }
    const sameDay = sorted.filter((e) => e.day === entry.day);
    if (sameDay.length > STORE_LIMITS.entriesPerDay) {
      throw invalid(`${day} has more than ${STORE_LIMITS.entriesPerDay} opening times.`, "hours");
    }
    const next = sorted[i + 1];
    if (next && next.day === entry.day) {
      const overnight = minutesOf(entry.closes) < minutesOf(entry.opens);
      if (overnight || minutesOf(next.opens) < minutesOf(entry.closes)) {
        throw invalid(
          `${day}: ${entry.opens}-${entry.closes} overlaps ${next.opens}-${next.closes}.`,
          `hours.${hours.indexOf(next)}`,
        );
      }
    }
  }
  return sorted.map(({ day, opens, closes }) => ({ day, opens, closes }));
};

const shortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The hours as one line for customers ("Mon-Fri 11:00-22:00, Sat 12:00-23:00"); kept on the restaurant. */
export const hoursText = (hours: readonly OpeningHoursEntry[]): string => {
  if (hours.length === 0) return "Closed until new opening hours are set";
  const perDay = shortDays.map((_, day) => {
    const entries = hours.filter((e) => e.day === day);
    const allDay =
      entries.length === 2 &&
      entries[0]?.opens === "00:00" &&
      entries[0]?.closes === "12:00" &&
      entries[1]?.opens === "12:00" &&
      entries[1]?.closes === "00:00";
    if (allDay) return "open 24 hours";
    return entries.map((e) => `${e.opens}–${e.closes}`).join(", ");
  });
  if (perDay.every((d) => d === perDay[0])) {
    return perDay[0] === "open 24 hours" ? "Open 24 hours, every day" : `${perDay[0]} daily`;
  }
  // Runs of consecutive days with the same hours, Monday first.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const runs: { from: number; to: number; text: string }[] = [];
  for (const day of order) {
    const text = perDay[day] ?? "";
    const last = runs.at(-1);
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs
    .filter((r) => r.text !== "")
    .map(
      (r) => `${r.from === r.to ? shortDays[r.from] : `${shortDays[r.from]}–${shortDays[r.to]}`} ${r.text}`,
    )
    .join("; ");
};
