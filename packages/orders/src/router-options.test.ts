import { OrderPlacedV2 } from "@tiffin/contracts";
import { option } from "@tiffin/contracts/testing/option-groups";
import { createCallerFactory } from "@tiffin/kit";
import { describe, expect, it } from "vitest";
import { refusalOf, testContext } from "../test/caller";
import { curryWithOptions, fixtureMenu, ordersHarness, placeInput, replicatedMenu } from "../test/factories";
import { createOrdersRouter } from "./router";

/*
 * Options over the wire: `lines[].options` is what the menu page sends; the server prices it from its
 * replica (v2 option groups), refuses a choice outside a group's rules, and sends OrderPlaced v2 with the
 * chosen options named and priced, so the kitchen ticket shows them.
 */
const curry = curryWithOptions(option("raita", "Cucumber raita", 150));

const setup = async () => {
  const base = replicatedMenu();
  const h = await ordersHarness({ menus: [{ ...base, items: [...base.items, curry] }] });
  const ctx = testContext("corr-options-1");
  const router = createOrdersRouter(h.svc);
  const caller = createCallerFactory(router)(ctx);
  const send = (input: unknown) => caller.place(input as Parameters<typeof caller.place>[0]);
  const quote = (input: unknown) => caller.quote(input as Parameters<typeof caller.quote>[0]);
  return { ...h, caller, send, quote, refused: (call: Promise<unknown>) => refusalOf(router, ctx, call) };
};

const withOptions = (options: unknown) =>
  placeInput({ lines: [{ itemId: curry.id, quantity: 2, options: options as never }] });

describe("orders with options", () => {
  it("charges base + chosen deltas and sends OrderPlaced v2 with the options named", async () => {
    const { send, sender } = await setup();
    const order = (await send(
      withOptions([
        { groupId: "spice", optionIds: ["hot"] },
        { groupId: "extras", optionIds: ["raita"] },
      ]),
    )) as { lines: { unitPriceCents: number; lineTotalCents: number }[]; subtotalCents: number };
    expect(order.lines[0]).toMatchObject({ unitPriceCents: 2045, lineTotalCents: 4090 });
    const event = OrderPlacedV2.parse(sender.placed[0]);
    expect(event.lines[0]?.options).toEqual([
      { groupId: "spice", groupName: "Spice level", optionId: "hot", name: "Hot", priceDeltaCents: 0 },
      {
        groupId: "extras",
        groupName: "Extras",
        optionId: "raita",
        name: "Cucumber raita",
        priceDeltaCents: 150,
      },
    ]);
  });

  it.each([
    ["a required group left out", [], /^Lamb Rogan Josh: choose an option for "Spice level"\.$/],
    [
      "two choices in a pick-one group",
      [{ groupId: "spice", optionIds: ["mild", "hot"] }],
      /at most 1 option/,
    ],
    [
      "an unknown option",
      [{ groupId: "spice", optionIds: ["nuclear"] }],
      /"Spice level" is no longer offered/,
    ],
  ])("refuses %s with a 400 naming the item and group, placing nothing", async (_, options, message) => {
    const { send, refused, effects } = await setup();
    const before = effects();
    const refusal = await refused(send(withOptions(options)));
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toMatch(message);
    expect(effects()).toEqual(before);
  });

  it.each([
    [
      "a price on a choice",
      [{ groupId: "spice", optionIds: ["hot"], priceDeltaCents: 0 }],
      /^Prices and totals/,
    ],
    ["option ids that are not text", [{ groupId: "spice", optionIds: [42] }], /option id/],
    ["options that are not a list", "hot", /must be a list of choices/],
    ["a path-like group id", [{ groupId: "../spice", optionIds: ["hot"] }], /option group id isn't valid/],
  ])("refuses %s at the door (400)", async (_, options, message) => {
    const { quote, refused } = await setup();
    const refusal = await refused(
      quote({ restaurantId: fixtureMenu.restaurantId, lines: [{ itemId: curry.id, quantity: 1, options }] }),
    );
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toMatch(message);
  });
});
