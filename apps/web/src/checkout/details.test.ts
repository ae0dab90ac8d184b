import { orderDetailsFields } from "@tiffin/contracts/order-details";
import { describe, expect, it } from "vitest";
import { detailsProblems } from "./details";
import { emptyDraft } from "./draft";

const valid = {
  name: "आशा पटेल 👩🏽‍🍳",
  phone: "+1 415 555 0134",
  address: "٢٢١ شارع فالنسيا\nApt 4",
  notes: "ring twice 🔔 👨‍👩‍👧‍👦 Zoe\u0308",
};

/** The server's own message for a value (the schema orders.place parses its input with). */
const serverSays = (field: keyof typeof orderDetailsFields, value: string) =>
  orderDetailsFields[field].safeParse(value).error?.issues[0]?.message;

describe("checkout details", () => {
  it("accepts what a person types in any script, with emoji and combining marks", () => {
    expect(detailsProblems(valid)).toEqual({});
  });

  it("names every missing field as the server does", () => {
    expect(detailsProblems(emptyDraft)).toEqual({
      name: "Your name is required.",
      phone: "Phone number is required.",
      address: "Delivery address is required.",
    });
  });

  it.each([
    { field: "notes" as const, value: "ring twice \u202E🔔" },
    { field: "address" as const, value: "221 Valencia St\u2066" },
    { field: "name" as const, value: "Asha\u0007" },
    { field: "name" as const, value: "Asha\nPatel" },
    { field: "notes" as const, value: "half \uD83D" },
    { field: "notes" as const, value: "x\uFFFF" },
    { field: "phone" as const, value: "call me" },
    { field: "notes" as const, value: "n".repeat(501) },
  ])("refuses $field = $value with the server's message", ({ field, value }) => {
    const problems = detailsProblems({ ...valid, [field]: value });

    expect(problems[field]).toBeDefined();
    expect(problems[field]).toBe(serverSays(field, value));
    expect(Object.keys(problems)).toEqual([field]);
  });

  it("counts an emoji as one character, as the server does (not as the two a maxLength would count)", () => {
    expect(detailsProblems({ ...valid, name: "🔔".repeat(80) })).toEqual({});
    expect(detailsProblems({ ...valid, name: "🔔".repeat(81) }).name).toBe(
      "Your name must be at most 80 characters.",
    );
  });
});
