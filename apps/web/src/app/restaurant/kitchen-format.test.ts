import { describe, expect, it } from "vitest";
import {
  charCount,
  clockIn,
  type DayRow,
  hoursFromRows,
  minutesLeft,
  percent,
  prepProblem,
  rowsFromHours,
  storeHeadline,
} from "./kitchen-format";

describe("the kitchen dashboard's words", () => {
  it.each([
    ["15", undefined],
    ["5", undefined],
    ["90", undefined],
    ["4", "Choose from 5 to 90 minutes."],
    ["91", "Choose from 5 to 90 minutes."],
    ["", "Enter a whole number of minutes from 5 to 90."],
    ["12.5", "Enter a whole number of minutes from 5 to 90."],
    ["ten", "Enter a whole number of minutes from 5 to 90."],
  ])("prep time %j: %s", (raw, problem) => {
    expect(prepProblem(raw)).toBe(problem);
  });

  it("counts characters as the server does (code points, trimmed)", () => {
    expect(charCount("  hot 🌶 ")).toBe(5);
  });

  it("says how long is left until a time, or how late it is", () => {
    const now = Date.parse("2026-11-27T18:00:00Z");
    expect(minutesLeft("2026-11-27T18:04:00Z", now)).toBe("in 4 min");
    expect(minutesLeft("2026-11-27T18:00:10Z", now)).toBe("now");
    expect(minutesLeft("2026-11-27T17:58:00Z", now)).toBe("2 min late");
  });

  it("shows times in the restaurant's zone", () => {
    expect(clockIn("Europe/London", "2026-11-27T18:05:00Z")).toBe("18:05");
    expect(clockIn("America/Los_Angeles", "2026-11-27T18:05:00Z")).toBe("10:05");
  });

  it("says whether the store takes orders and why not", () => {
    const base = { timeZone: "Europe/London" };
    const store = { pausedUntil: null, busyExtraMinutes: 0, message: "" };
    expect(
      storeHeadline({
        ...base,
        store: { ...store, state: "open" },
        availability: { acceptingOrders: true, status: "open" },
      }).text,
    ).toBe("Open: taking orders");
    expect(
      storeHeadline({
        ...base,
        store: { ...store, state: "paused", pausedUntil: "2026-11-27T19:30:00Z" },
        availability: { acceptingOrders: false, status: "paused" },
      }),
    ).toEqual({ text: "Paused until 19:30: not taking orders", tone: "danger" });
    expect(
      storeHeadline({
        ...base,
        store: { ...store, state: "busy", busyExtraMinutes: 20 },
        availability: { acceptingOrders: true, status: "busy" },
      }).text,
    ).toBe("Busy: taking orders, +20 min on every estimate");
    expect(
      storeHeadline({
        ...base,
        store: { ...store, state: "open" },
        availability: { acceptingOrders: false, status: "closed" },
      }).text,
    ).toBe("Closed by your opening hours: not taking orders");
  });

  it("turns opening hours into day rows and back, Monday first, open-all-day as one choice", () => {
    const hours = [
      { day: 0, opens: "00:00", closes: "12:00" },
      { day: 0, opens: "12:00", closes: "00:00" },
      { day: 1, opens: "18:00", closes: "22:00" },
      { day: 1, opens: "11:00", closes: "15:00" },
    ];

    const rows = rowsFromHours(hours);

    expect(rows.map((r) => [r.day, r.mode])).toEqual([
      [1, "ranges"],
      [2, "closed"],
      [3, "closed"],
      [4, "closed"],
      [5, "closed"],
      [6, "closed"],
      [0, "allDay"],
    ]);
    expect(rows[0]?.ranges).toEqual([
      { opens: "11:00", closes: "15:00" },
      { opens: "18:00", closes: "22:00" },
    ]);
    expect(hoursFromRows(rows).sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))).toEqual(
      [...hours].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens)),
    );
    const closedAll: DayRow[] = rows.map((r) => ({ ...r, mode: "closed" }));
    expect(hoursFromRows(closedAll)).toEqual([]);
  });

  it("writes a rate as a percentage, and no rate as a dash", () => {
    expect(percent(1 / 3)).toBe("33%");
    expect(percent(null)).toBe("–");
  });
});
