import { describe, expect, it } from "vitest";
import { isWithinOpeningHours, localClock, type StoreStateFields, storeAvailability } from "./store-hours";

const OPEN: StoreStateFields = { state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" };
// 2026-12-01 is a Tuesday (day 2). London is on UTC in December; Los Angeles is UTC-8.
const at = (iso: string) => new Date(iso);

describe("localClock", () => {
  it("reads weekday, minutes and date in the restaurant's zone, not the server's", () => {
    expect(localClock("Europe/London", at("2026-12-01T18:30:00Z"))).toEqual({
      day: 2,
      minutes: 18 * 60 + 30,
      date: "2026-12-01",
    });
    // 02:00 UTC on Tuesday is still Monday evening in Los Angeles.
    expect(localClock("America/Los_Angeles", at("2026-12-01T02:00:00Z"))).toEqual({
      day: 1,
      minutes: 18 * 60,
      date: "2026-11-30",
    });
  });
});

describe("isWithinOpeningHours", () => {
  const tuesday = [{ day: 2, opens: "11:00", closes: "22:00" }];

  it.each([
    ["10:59", false],
    ["11:00", true],
    ["21:59", true],
    ["22:00", false],
  ])("Tuesday 11:00-22:00 at %s: %s", (time, open) => {
    expect(isWithinOpeningHours(tuesday, "Europe/London", at(`2026-12-01T${time}:00Z`))).toBe(open);
  });

  it("is closed on a day with no entry, and with no hours at all", () => {
    expect(isWithinOpeningHours(tuesday, "Europe/London", at("2026-12-02T12:00:00Z"))).toBe(false);
    expect(isWithinOpeningHours([], "Europe/London", at("2026-12-01T12:00:00Z"))).toBe(false);
  });

  it("runs an entry that closes before it opens past midnight, into the next day", () => {
    const late = [{ day: 5, opens: "18:00", closes: "02:00" }]; // Friday night
    expect(isWithinOpeningHours(late, "Europe/London", at("2026-12-04T23:30:00Z"))).toBe(true);
    expect(isWithinOpeningHours(late, "Europe/London", at("2026-12-05T01:59:00Z"))).toBe(true);
    expect(isWithinOpeningHours(late, "Europe/London", at("2026-12-05T02:00:00Z"))).toBe(false);
    expect(isWithinOpeningHours(late, "Europe/London", at("2026-12-04T17:59:00Z"))).toBe(false);
  });

  it("covers a whole day with 00:00-12:00 and 12:00-00:00", () => {
    const allDay = [
      { day: 2, opens: "00:00", closes: "12:00" },
      { day: 2, opens: "12:00", closes: "00:00" },
    ];
    for (const time of ["00:00", "11:59", "12:00", "23:59"]) {
      expect(isWithinOpeningHours(allDay, "Europe/London", at(`2026-12-01T${time}:00Z`))).toBe(true);
    }
    expect(isWithinOpeningHours(allDay, "Europe/London", at("2026-12-02T00:00:00Z"))).toBe(false);
  });

  it("opens for no time when opens equals closes", () => {
    expect(
      isWithinOpeningHours([{ day: 2, opens: "12:00", closes: "12:00" }], "UTC", at("2026-12-01T12:00:00Z")),
    ).toBe(false);
  });
});

describe("storeAvailability", () => {
  const hours = [{ day: 2, opens: "11:00", closes: "22:00" }];
  const noon = at("2026-12-01T12:00:00Z");

  it("takes orders when open within hours", () => {
    expect(storeAvailability({ store: OPEN, hours, timeZone: "UTC" }, noon)).toEqual({
      acceptingOrders: true,
      status: "open",
      message: "",
      pausedUntil: null,
      busyExtraMinutes: 0,
    });
  });

  it("is closed outside hours, whatever the store state", () => {
    expect(
      storeAvailability({ store: OPEN, hours, timeZone: "UTC" }, at("2026-12-01T23:00:00Z")),
    ).toMatchObject({ acceptingOrders: false, status: "closed" });
  });

  it("is paused until the time given, then open again", () => {
    const store: StoreStateFields = {
      state: "paused",
      pausedUntil: "2026-12-01T12:30:00.000Z",
      busyExtraMinutes: 0,
      message: "Back at 12:30",
    };
    expect(storeAvailability({ store, hours, timeZone: "UTC" }, noon)).toEqual({
      acceptingOrders: false,
      status: "paused",
      message: "Back at 12:30",
      pausedUntil: "2026-12-01T12:30:00.000Z",
      busyExtraMinutes: 0,
    });
    expect(
      storeAvailability({ store, hours, timeZone: "UTC" }, at("2026-12-01T12:30:00Z")).acceptingOrders,
    ).toBe(true);
  });

  it("stays paused until resumed when there is no end time", () => {
    const store: StoreStateFields = { state: "paused", pausedUntil: null, busyExtraMinutes: 0, message: "" };
    expect(storeAvailability({ store, hours, timeZone: "UTC" }, noon).status).toBe("paused");
  });

  it("takes orders while busy, with the extra minutes", () => {
    const store: StoreStateFields = { state: "busy", pausedUntil: null, busyExtraMinutes: 20, message: "" };
    expect(storeAvailability({ store, hours, timeZone: "UTC" }, noon)).toMatchObject({
      acceptingOrders: true,
      status: "busy",
      busyExtraMinutes: 20,
    });
  });
});
