/**
 * Whether a restaurant takes orders at a given moment, from its store state and opening hours (the fields
 * of `restaurant.catalog-published` v2). Shared by restaurants (its listings, its dashboard) and orders
 * (which refuses placement from its replica), so both answer the same way. Plain data in, no schema.
 *
 * Rules: hours are per weekday (0 = Sunday) in the restaurant's IANA time zone; an entry whose `closes` is
 * earlier than its `opens` runs past midnight into the next day; a day with no entry is closed; an entry
 * whose times are equal opens for no time at all (restaurants refuses to save one). A pause lasts until
 * `pausedUntil`, or until staff resume when that is null. Busy stores take orders, with extra minutes.
 */

export interface OpeningHoursEntry {
  day: number;
  opens: string;
  closes: string;
}

export interface StoreStateFields {
  state: "open" | "paused" | "busy";
  pausedUntil: string | null;
  busyExtraMinutes: number;
  message: string;
}

export interface StoreAvailability {
  acceptingOrders: boolean;
  /** `closed`: outside opening hours. A pause whose time has passed counts as open (or busy) again. */
  status: "open" | "busy" | "paused" | "closed";
  /** What staff asked customers to be told while paused; empty otherwise. */
  message: string;
  /** Paused until this instant; null while paused until staff resume (or when not paused). */
  pausedUntil: string | null;
  /** Minutes a busy kitchen adds to every estimate; 0 otherwise. */
  busyExtraMinutes: number;
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Minutes since midnight for "HH:MM". */
export const minutesOf = (time: string): number => {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
};

/** The weekday (0 = Sunday), minutes since midnight and calendar date at `at` in `timeZone`. */
export const localClock = (timeZone: string, at: Date): { day: number; minutes: number; date: string } => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: weekdays.indexOf(part("weekday")),
    minutes: Number(part("hour")) * 60 + Number(part("minute")),
    date: `${part("year")}-${part("month")}-${part("day")}`,
  };
};

/** Whether `at` falls inside one of the opening-hours entries, in the restaurant's time zone. */
export const isWithinOpeningHours = (
  hours: readonly OpeningHoursEntry[],
  timeZone: string,
  at: Date,
): boolean => {
  const { day, minutes } = localClock(timeZone, at);
  const yesterday = (day + 6) % 7;
  return hours.some((entry) => {
    const opens = minutesOf(entry.opens);
    const closes = minutesOf(entry.closes);
    if (opens < closes) return entry.day === day && minutes >= opens && minutes < closes;
    if (closes < opens) {
      return (entry.day === day && minutes >= opens) || (entry.day === yesterday && minutes < closes);
    }
    return false;
  });
};

/** Whether the store takes orders at `at`, and why not. */
export const storeAvailability = (
  r: { store: StoreStateFields; hours: readonly OpeningHoursEntry[]; timeZone: string },
  at: Date,
): StoreAvailability => {
  const paused =
    r.store.state === "paused" && (r.store.pausedUntil === null || Date.parse(r.store.pausedUntil) > +at);
  if (paused) {
    return {
      acceptingOrders: false,
      status: "paused",
      message: r.store.message,
      pausedUntil: r.store.pausedUntil,
      busyExtraMinutes: 0,
    };
  }
  if (!isWithinOpeningHours(r.hours, r.timeZone, at)) {
    return { acceptingOrders: false, status: "closed", message: "", pausedUntil: null, busyExtraMinutes: 0 };
  }
  if (r.store.state === "busy") {
    return {
      acceptingOrders: true,
      status: "busy",
      message: r.store.message,
      pausedUntil: null,
      busyExtraMinutes: r.store.busyExtraMinutes,
    };
  }
  return { acceptingOrders: true, status: "open", message: "", pausedUntil: null, busyExtraMinutes: 0 };
};
