import { localClock, minutesOf, type OpeningHoursEntry, storeAvailability } from "@tiffin/contracts";
import type { ReplicatedMenu } from "./menu-replica";

/**
 * Why a restaurant takes no orders at a moment, in a sentence the customer can act on: the rules are the
 * shared ones (@tiffin/contracts store-hours: store state, then opening hours in the restaurant's zone),
 * the words are orders' ("paused until 19:30", "closed now, opens at 12:00").
 */
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A zone name Intl does not know would throw on every order: read it as UTC instead. */
const knownZone = (timeZone: string): string => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
};

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** "at 12:00", "tomorrow at 12:00", "Friday at 12:00": when the restaurant opens next, if ever. */
const nextOpening = (
  hours: readonly OpeningHoursEntry[],
  timeZone: string,
  now: Date,
): string | undefined => {
  const t = localClock(timeZone, now);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = (t.day + ahead) % 7;
    const opens = hours
      .filter((h) => h.day === day && h.opens !== h.closes)
      .map((h) => minutesOf(h.opens))
      .filter((m) => ahead > 0 || m > t.minutes)
      .sort((a, b) => a - b)[0];
    if (opens === undefined) continue;
    const when = ahead === 0 ? "" : ahead === 1 ? "tomorrow " : `${WEEKDAYS[day]} `;
    return `${when}at ${clock(opens)}`;
  }
  return undefined;
};

/** "19:30", "tomorrow at 09:00", "Friday at 09:00": a moment in the restaurant's time, seen from `now`. */
const localMoment = (at: Date, now: Date, timeZone: string): string => {
  const then = localClock(timeZone, at);
  if (then.date === localClock(timeZone, now).date) return clock(then.minutes);
  if (then.date === localClock(timeZone, new Date(now.getTime() + 86_400_000)).date) {
    return `tomorrow at ${clock(then.minutes)}`;
  }
  return `${WEEKDAYS[then.day]} at ${clock(then.minutes)}`;
};

/** Every day, all day (two half-day windows: equal opens and closes would mean no time at all). */
const ALWAYS: OpeningHoursEntry[] = [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
  { day, opens: "00:00", closes: "12:00" },
  { day, opens: "12:00", closes: "00:00" },
]);

/**
 * Why `menu`'s restaurant takes no orders at `now`, or undefined when it does. A replica without
 * opening hours (a v1 snapshot) is never closed by hours; a busy store takes orders (with a longer wait).
 */
export const storeRefusal = (menu: ReplicatedMenu, now: Date): string | undefined => {
  const timeZone = knownZone(menu.timeZone);
  const { name } = menu;
  const availability = storeAvailability(
    // v1 snapshots carry no hours: open all week, so only the store state (and `isOpen`) decides.
    { store: menu.store, hours: menu.hours ?? ALWAYS, timeZone },
    now,
  );
  if (availability.acceptingOrders) return undefined;
  if (availability.status === "paused") {
    const base = availability.pausedUntil
      ? `${name} is paused until ${localMoment(new Date(availability.pausedUntil), now, timeZone)} and isn't taking orders right now.`
      : `${name} is paused and isn't taking orders right now.`;
    return availability.message ? `${base} “${availability.message}”` : base;
  }
  const opens = nextOpening(menu.hours ?? [], timeZone, now);
  return opens
    ? `${name} is closed now, opens ${opens}.`
    : `${name} is closed now and has no opening hours set.`;
};
