import { describe, expect, it } from "vitest";
import { centsOf, draftOf, newGroup, saveInputOf } from "./item-draft";

const curry = {
  id: "rogan-josh",
  name: "Rogan Josh",
  description: "Braised lamb.",
  priceCents: 1895,
  dietary: ["spicy" as const],
  available: true,
  optionGroups: [
    {
      id: "spice",
      name: "Spice level",
      min: 1,
      max: 1,
      options: [{ id: "hot", name: "Hot", priceDeltaCents: 150, available: false }],
    },
  ],
};

describe("the item form's draft", () => {
  it("reads prices as typed in dollars, and refuses what is not a price", () => {
    expect(centsOf("12.95")).toBe(1295);
    expect(centsOf("$12")).toBe(1200);
    expect(centsOf(" 0.5 ")).toBe(50);
    for (const bad of ["-1", "12.955", "twelve", "", "1e3"]) expect(centsOf(bad)).toBeUndefined();
  });

  it("round-trips a stored dish into the same saveItem input, keeping every id", () => {
    const result = saveInputOf("bombay", draftOf("curries", curry), false);
    expect(result.input).toEqual({
      restaurantId: "bombay",
      categoryId: "curries",
      item: {
        id: "rogan-josh",
        name: "Rogan Josh",
        description: "Braised lamb.",
        priceCents: 1895,
        dietary: ["spicy"],
        available: true,
        optionGroups: [
          {
            id: "spice",
            name: "Spice level",
            min: 1,
            max: 1,
            options: [{ id: "hot", name: "Hot", priceDeltaCents: 150, available: false }],
          },
        ],
      },
    });
  });

  it("names each unreadable number with the server's field names, and sends nothing", () => {
    const draft = {
      ...draftOf("curries"),
      name: "Dal",
      price: "cheap",
      groups: [{ ...newGroup(), min: "x" }],
    };
    const first = draft.groups[0];
    if (!first?.options[0]) throw new Error("no option");
    first.options[0].price = "-2";
    const result = saveInputOf("bombay", draft, false);
    expect(result.input).toBeUndefined();
    expect(Object.keys(result.problems ?? {}).sort()).toEqual([
      "item.optionGroups.0.min",
      "item.optionGroups.0.options.0.priceDeltaCents",
      "item.priceCents",
    ]);
  });

  it("sends the photo's description only when there is a photo, and a removal when asked", () => {
    const withPhoto = saveInputOf("bombay", { ...draftOf("curries", curry), photoAlt: "A bowl" }, true);
    expect((withPhoto.input as { item: { photoAlt?: string } }).item.photoAlt).toBe("A bowl");
    const removing = saveInputOf("bombay", { ...draftOf("curries", curry), removePhoto: true }, true);
    expect((removing.input as { item: Record<string, unknown> }).item).toMatchObject({ removePhoto: true });
    expect((removing.input as { item: Record<string, unknown> }).item).not.toHaveProperty("photoAlt");
  });
});
