import { describe, expect, it } from "vitest";
import { catalogPublished, catalogPublishedV2 } from "../../test/factories";
import { replicaFromCatalog } from "./menu-replica";
import { storeRefusal } from "./store-hours";

// The v2 fixture: Bombay Tiffin House, Europe/London (UTC in winter), open Sunday 12:00-22:00 and
// Friday 12:00-01:00. 2026-12-04 is a Friday, 2026-12-06 a Sunday.
const at = (iso: string) => new Date(iso);
const menu = (store: Partial<ReturnType<typeof replicaFromCatalog>["store"]> = {}) => {
  const replica = replicaFromCatalog(catalogPublishedV2());
  return { ...replica, store: { ...replica.store, state: "open" as const, ...store } };
};

describe("storeRefusal", () => {
  it("takes orders when open within its hours, also past midnight on a late night", () => {
    expect(storeRefusal(menu(), at("2026-12-06T13:00:00Z"))).toBeUndefined();
    expect(storeRefusal(menu(), at("2026-12-05T00:30:00Z"))).toBeUndefined();
  });

  it("takes orders while busy (the wait is longer, not refused)", () => {
    expect(
      storeRefusal(menu({ state: "busy", busyExtraMinutes: 15 }), at("2026-12-06T13:00:00Z")),
    ).toBeUndefined();
  });

  it("says when a closed restaurant opens: later today, tomorrow, or on a weekday", () => {
    expect(storeRefusal(menu(), at("2026-12-06T09:00:00Z"))).toBe(
      "Bombay Tiffin House is closed now, opens at 12:00.",
    );
    expect(storeRefusal(menu(), at("2026-12-04T02:00:00Z"))).toBe(
      "Bombay Tiffin House is closed now, opens at 12:00.",
    );
    expect(storeRefusal(menu(), at("2026-12-06T23:00:00Z"))).toBe(
      "Bombay Tiffin House is closed now, opens Friday at 12:00.",
    );
    expect(storeRefusal(menu(), at("2026-12-05T10:00:00Z"))).toBe(
      "Bombay Tiffin House is closed now, opens tomorrow at 12:00.",
    );
  });

  it("says until when a paused restaurant is paused, in its own time zone, with staff's message", () => {
    const paused = menu({ state: "paused", pausedUntil: "2026-12-06T19:30:00.000Z", message: "" });
    expect(storeRefusal(paused, at("2026-12-06T18:00:00Z"))).toBe(
      "Bombay Tiffin House is paused until 19:30 and isn't taking orders right now.",
    );
    const withMessage = menu({ state: "paused", pausedUntil: null, message: "Back after the rush 🍛" });
    expect(storeRefusal(withMessage, at("2026-12-06T18:00:00Z"))).toBe(
      "Bombay Tiffin House is paused and isn't taking orders right now. “Back after the rush 🍛”",
    );
  });

  it("reads the pause's end in the restaurant's zone, not the server's", () => {
    const replica = menu({ state: "paused", pausedUntil: "2026-12-06T03:30:00.000Z" });
    const inLosAngeles = { ...replica, timeZone: "America/Los_Angeles", hours: null };
    // 03:30 UTC is 19:30 the evening before in Los Angeles.
    expect(storeRefusal(inLosAngeles, at("2026-12-06T02:00:00Z"))).toMatch(/paused until 19:30/);
  });

  it("is open again once the pause's end has passed", () => {
    const paused = menu({ state: "paused", pausedUntil: "2026-12-06T13:00:00.000Z" });
    expect(storeRefusal(paused, at("2026-12-06T13:00:00Z"))).toBeUndefined();
  });

  it("never closes a v1 replica by hours (it has none) and reads an unknown zone as UTC", () => {
    expect(storeRefusal(replicaFromCatalog(catalogPublished()), at("2026-12-06T03:00:00Z"))).toBeUndefined();
    expect(storeRefusal({ ...menu(), timeZone: "Mars/Olympus" }, at("2026-12-06T13:00:00Z"))).toBeUndefined();
  });

  it("says so when there are no opening hours at all", () => {
    expect(storeRefusal({ ...menu(), hours: [] }, at("2026-12-06T13:00:00Z"))).toBe(
      "Bombay Tiffin House is closed now and has no opening hours set.",
    );
  });
});
