import { spiceLevel } from "@tiffin/contracts/testing/option-groups";
import { describe, expect, it } from "vitest";
import { fixtureMenu, ordersHarness, placeCommand, replicatedMenu } from "../../test/factories";
import { RecordingLog } from "../../test/fakes";

const request = () => ({ correlationId: "corr-reorder", log: new RecordingLog() });
const { butterChicken, garlicNaan } = fixtureMenu;

/** One order placed at the fixture's prices, then the menu changed to `menu`. */
const orderedThen = async (menu: Parameters<typeof replicatedMenu>[0]) => {
  const h = await ordersHarness();
  const order = await h.svc.place(placeCommand(), request());
  await h.menus.apply(replicatedMenu({ revision: 99, ...menu }));
  return { ...h, order };
};

describe("reorder", () => {
  it("the same dishes at the same prices: the same quote, nothing changed", async () => {
    const { svc, order } = await orderedThen({});
    const again = await svc.reorder(order.id, order.customerId);
    expect(again.changes).toEqual({ priceChanges: [], unavailable: [] });
    expect(again.problem).toBeNull();
    expect(again.quote?.totalCents).toBe(order.totalCents);
    expect(again.lines.map((l) => [l.itemId, l.quantity])).toEqual([
      [butterChicken.id, 2],
      [garlicNaan.id, 1],
    ]);
    expect(again.restaurant).toEqual({
      id: "bombay-tiffin-house",
      slug: "bombay-tiffin-house",
      name: "Bombay Tiffin House",
    });
  });

  it("names a price change and prices at today's price", async () => {
    const base = replicatedMenu();
    const { svc, order } = await orderedThen({
      items: base.items.map((i) => (i.id === butterChicken.id ? { ...i, priceCents: 1795 } : i)),
    });
    const again = await svc.reorder(order.id, order.customerId);
    expect(again.changes.priceChanges).toEqual([
      { itemId: butterChicken.id, name: "Butter Chicken", oldUnitPriceCents: 1695, newUnitPriceCents: 1795 },
    ]);
    expect(again.quote?.subtotalCents).toBe(2 * 1795 + 395);
  });

  it("drops a sold-out dish and one no longer on the menu, naming each", async () => {
    const base = replicatedMenu();
    const { svc, order } = await orderedThen({
      items: base.items
        .filter((i) => i.id !== garlicNaan.id)
        .map((i) => (i.id === butterChicken.id ? { ...i, available: false } : i)),
    });
    const again = await svc.reorder(order.id, order.customerId);
    expect(again.changes.unavailable).toEqual([
      {
        itemId: butterChicken.id,
        name: "Butter Chicken",
        reason: "Butter Chicken is sold out. Remove it from your cart to continue.",
      },
      {
        itemId: garlicNaan.id,
        name: "Garlic Naan",
        reason: "One dish in your cart is no longer on Bombay Tiffin House's menu. Remove it and try again.",
      },
    ]);
    expect(again.lines).toEqual([]);
    expect(again.quote).toBeNull();
    expect(again.problem).toMatch(/None of the dishes from this order are available/);
  });

  it("keeps what is left even below the minimum, and says what is missing", async () => {
    const base = replicatedMenu();
    const { svc, order } = await orderedThen({
      items: base.items.map((i) => (i.id === butterChicken.id ? { ...i, available: false } : i)),
    });
    const again = await svc.reorder(order.id, order.customerId);
    expect(again.lines.map((l) => l.itemId)).toEqual([garlicNaan.id]);
    expect(again.quote).toBeNull();
    expect(again.problem).toMatch(/^Add \$6\.05 more/);
  });

  it("says why when the restaurant is paused, and still fills the cart", async () => {
    const { svc, order } = await orderedThen({
      hours: null,
      store: { state: "paused", pausedUntil: null, busyExtraMinutes: 0, message: "" },
    });
    const again = await svc.reorder(order.id, order.customerId);
    expect(again.problem).toBe("Bombay Tiffin House is paused and isn't taking orders right now.");
    expect(again.lines).toHaveLength(2);
  });

  it("someone else's order is not found", async () => {
    const { svc, order } = await orderedThen({});
    await expect(svc.reorder(order.id, "customer-2")).rejects.toThrow(
      "We couldn't find an order with that number.",
    );
  });
});

describe("reorder with options", () => {
  it("asks for the same choices again, priced with today's deltas, or drops the line naming why", async () => {
    const spice = spiceLevel(50);
    const withSpice = (hot: { priceDeltaCents: number; available: boolean }) => {
      const base = replicatedMenu();
      return {
        items: base.items.map((i) =>
          i.id === butterChicken.id
            ? {
                ...i,
                optionGroups: [{ ...spice, options: [spice.options[0], { ...spice.options[1], ...hot }] }],
              }
            : i,
        ),
      } as Parameters<typeof replicatedMenu>[0];
    };
    const h = await ordersHarness({
      menus: [replicatedMenu(withSpice({ priceDeltaCents: 50, available: true }))],
    });
    const order = await h.svc.place(
      placeCommand({
        lines: [
          { itemId: butterChicken.id, quantity: 1, options: [{ groupId: "spice", optionIds: ["hot"] }] },
          { itemId: garlicNaan.id, quantity: 2 },
        ],
      }),
      request(),
    );

    await h.menus.apply(
      replicatedMenu({ revision: 98, ...withSpice({ priceDeltaCents: 100, available: true }) }),
    );
    const dearer = await h.svc.reorder(order.id, order.customerId);
    expect(dearer.lines[0]?.options.map((o) => o.optionId)).toEqual(["hot"]);
    expect(dearer.changes.priceChanges).toEqual([
      { itemId: butterChicken.id, name: "Butter Chicken", oldUnitPriceCents: 1745, newUnitPriceCents: 1795 },
    ]);

    await h.menus.apply(
      replicatedMenu({ revision: 99, ...withSpice({ priceDeltaCents: 100, available: false }) }),
    );
    const soldOut = await h.svc.reorder(order.id, order.customerId);
    expect(soldOut.changes.unavailable).toEqual([
      {
        itemId: butterChicken.id,
        name: "Butter Chicken",
        reason: 'Butter Chicken: "Hot" (Spice level) is sold out.',
      },
    ]);
    expect(soldOut.lines.map((l) => l.itemId)).toEqual([garlicNaan.id]);
  });
});
