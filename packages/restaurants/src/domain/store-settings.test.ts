import { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { FIXED_NOW, restaurantsHarness } from "../../test/factories";
import { hoursText, openingHoursFrom } from "./store";

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof DomainError) return error;
  throw new Error(`expected a DomainError, got ${String(error)}`);
};

const BOMBAY = "bombay-tiffin-house";
const owner = { restaurants: [{ id: BOMBAY, role: "owner" as const }] };
const inMinutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000).toISOString();

describe("store state", () => {
  it("pauses until a time with a message: saved, published in the catalog, and no orders meanwhile", async () => {
    const { svc, publisher, restaurants } = await restaurantsHarness();

    const settings = await svc.setStoreState(
      owner,
      { restaurantId: BOMBAY, state: "paused", pausedUntil: inMinutes(30), message: "Back at 11:00 ☕" },
      "corr-pause",
    );

    const store = {
      state: "paused",
      pausedUntil: inMinutes(30),
      busyExtraMinutes: 0,
      message: "Back at 11:00 ☕",
    };
    expect(settings).toMatchObject({ store, availability: { acceptingOrders: false, status: "paused" } });
    expect((await restaurants.byId(BOMBAY))?.store).toEqual(store);
    const event = RestaurantCatalogPublishedV2.parse(publisher.published.at(-1));
    expect(event).toMatchObject({ correlationId: "corr-pause", revision: 2, restaurant: { store } });
    expect(await svc.bySlug(BOMBAY)).toMatchObject({
      isOpen: false,
      availability: { message: "Back at 11:00 ☕" },
    });
  });

  it("pauses until resumed, then opens again", async () => {
    const { svc } = await restaurantsHarness();

    await svc.setStoreState(owner, { restaurantId: BOMBAY, state: "paused" }, "c1");
    expect((await svc.bySlug(BOMBAY)).availability).toMatchObject({ status: "paused", pausedUntil: null });
    const open = await svc.setStoreState(owner, { restaurantId: BOMBAY, state: "open" }, "c2");

    expect(open.store).toEqual({ state: "open", pausedUntil: null, busyExtraMinutes: 0, message: "" });
    expect((await svc.bySlug(BOMBAY)).isOpen).toBe(true);
  });

  it("marks the kitchen busy with extra minutes: still taking orders", async () => {
    const { svc } = await restaurantsHarness();

    const busy = await svc.setStoreState(
      owner,
      { restaurantId: BOMBAY, state: "busy", busyExtraMinutes: 20 },
      "c",
    );

    expect(busy.availability).toMatchObject({ acceptingOrders: true, status: "busy", busyExtraMinutes: 20 });
  });

  it.each([
    [{ state: "paused", pausedUntil: inMinutes(-1) }, "pausedUntil", /already passed/],
    [{ state: "paused", pausedUntil: FIXED_NOW.toISOString() }, "pausedUntil", /already passed/],
    [{ state: "paused", pausedUntil: inMinutes(8 * 24 * 60) }, "pausedUntil", /at most 7 days/],
    [{ state: "busy" }, "busyExtraMinutes", /how many minutes/],
    [{ state: "open", busyExtraMinutes: 10 }, "busyExtraMinutes", /only for a busy kitchen/],
    [{ state: "busy", busyExtraMinutes: 10, pausedUntil: inMinutes(10) }, "pausedUntil", /only for a pause/],
  ] as const)("refuses %j with a 400 naming %s, and saves nothing", async (input, field, message) => {
    const { svc, restaurants, publisher } = await restaurantsHarness();

    const error = await refusal(svc.setStoreState(owner, { restaurantId: BOMBAY, ...input }, "c"));

    expect(error.kind).toBe("invalid");
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(restaurants.saves).toBe(0);
    expect(publisher.published).toEqual([]);
  });

  it("answers another restaurant's settings with the 404 of a missing one", async () => {
    const { svc, restaurants } = await restaurantsHarness();

    const error = await refusal(
      svc.setStoreState(owner, { restaurantId: "nonna-rosa", state: "paused" }, "c"),
    );

    expect(error.kind).toBe("not_found");
    expect((await refusal(svc.storeSettings(owner, "nonna-rosa"))).message).toBe(error.message);
    expect(restaurants.saves).toBe(0);
  });

  it("refuses the loser of two simultaneous changes with a 409 saying to reload", async () => {
    const { svc } = await restaurantsHarness();

    const results = await Promise.allSettled([
      svc.setStoreState(owner, { restaurantId: BOMBAY, state: "paused" }, "a"),
      svc.setStoreState(owner, { restaurantId: BOMBAY, state: "busy", busyExtraMinutes: 10 }, "b"),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser).toMatchObject({
      reason: { kind: "conflict", message: expect.stringMatching(/Reload and try again/) },
    });
  });
});

describe("opening hours", () => {
  const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: "11:00", closes: "22:00" }));

  it("saves the week in the restaurant's zone, with the line customers read, and publishes it", async () => {
    const { svc, publisher } = await restaurantsHarness();
    const lateFriday = [{ day: 5, opens: "23:00", closes: "02:00" }, ...weekdays];

    const settings = await svc.setOpeningHours(
      owner,
      { restaurantId: BOMBAY, timeZone: "Europe/London", hours: lateFriday },
      "corr-hours",
    );

    // Sorted by day and time; FIXED_NOW is Friday 18:31 in London.
    expect(settings.openingHours.filter((h) => h.day === 5)).toEqual([
      { day: 5, opens: "11:00", closes: "22:00" },
      { day: 5, opens: "23:00", closes: "02:00" },
    ]);
    expect(settings).toMatchObject({
      timeZone: "Europe/London",
      hours: "Mon–Thu 11:00–22:00; Fri 11:00–22:00, 23:00–02:00",
      availability: { acceptingOrders: true },
    });
    const published = publisher.published.at(-1)?.restaurant;
    expect(published).toMatchObject({ timeZone: "Europe/London", hours: settings.openingHours });
  });

  it("is closed outside its hours", async () => {
    const { svc } = await restaurantsHarness();

    // FIXED_NOW is Friday 10:31 in Los Angeles: before an 11:00 opening.
    const settings = await svc.setOpeningHours(
      owner,
      { restaurantId: BOMBAY, timeZone: "America/Los_Angeles", hours: weekdays },
      "c",
    );

    expect(settings.availability).toMatchObject({ acceptingOrders: false, status: "closed" });
    expect(settings.hours).toBe("Mon–Fri 11:00–22:00");
    expect((await svc.list({ openNow: true })).restaurants.map((r) => r.id)).not.toContain(BOMBAY);
  });

  it.each([
    [[{ day: 1, opens: "12:00", closes: "12:00" }], /same \(12:00\)/, "hours.0"],
    [
      [
        { day: 1, opens: "11:00", closes: "15:00" },
        { day: 1, opens: "14:00", closes: "22:00" },
      ],
      /Monday: 11:00-15:00 overlaps 14:00-22:00/,
      "hours.1",
    ],
    [
      [
        { day: 1, opens: "18:00", closes: "02:00" },
        { day: 1, opens: "20:00", closes: "23:00" },
      ],
      /overlaps/,
      "hours.1",
    ],
    [
      [1, 2, 3, 4].map((i) => ({ day: 3, opens: `0${i}:00`, closes: `0${i}:30` })),
      /more than 3 opening times/,
      "hours",
    ],
  ])("refuses %j", async (hours, message, field) => {
    const { svc, restaurants } = await restaurantsHarness();

    const error = await refusal(
      svc.setOpeningHours(owner, { restaurantId: BOMBAY, timeZone: "UTC", hours }, "c"),
    );

    expect(error).toMatchObject({ kind: "invalid", message: expect.stringMatching(message) });
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(restaurants.saves).toBe(0);
  });

  it("refuses a time zone the runtime does not know", async () => {
    const { svc } = await restaurantsHarness();

    const error = await refusal(
      svc.setOpeningHours(owner, { restaurantId: BOMBAY, timeZone: "Mars/Olympus", hours: [] }, "c"),
    );

    expect(error).toMatchObject({
      kind: "invalid",
      fieldErrors: { timeZone: expect.stringMatching(/Europe\/London/) },
    });
  });

  it("lets a restaurant close every day (no hours), saying so", () => {
    expect(openingHoursFrom([], "UTC")).toEqual([]);
    expect(hoursText([])).toBe("Closed until new opening hours are set");
  });

  it.each([
    [[0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: "12:00", closes: "23:00" })), "12:00–23:00 daily"],
    [
      [1, 2, 3, 4, 5].flatMap((day) => [
        { day, opens: "00:00", closes: "12:00" },
        { day, opens: "12:00", closes: "00:00" },
      ]),
      "Mon–Fri open 24 hours",
    ],
    [
      [
        { day: 1, opens: "11:00", closes: "15:00" },
        { day: 1, opens: "18:00", closes: "22:00" },
        { day: 6, opens: "10:00", closes: "23:30" },
      ],
      "Mon 11:00–15:00, 18:00–22:00; Sat 10:00–23:30",
    ],
  ])("writes %j as %s", (hours, text) => {
    expect(hoursText(hours)).toBe(text);
  });
});
