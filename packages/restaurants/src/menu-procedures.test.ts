import { createCallerFactory } from "@tiffin/kit";
import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { aCustomer, refusalOf, staffOf, testContext } from "../test/caller";
import { restaurantsHarness } from "../test/factories";
import { pngOf } from "../test/images";
import { InMemoryPhotoStore } from "../test/photo-fakes";
import { photoKey } from "./domain/photo";
import { createRestaurantsRouter } from "./router";

const BOMBAY = "bombay-tiffin-house";
const UPLOAD = "7d1f0a52-3c4b-4e8a-9f10-2b3c4d5e6f70";

const setup = async (actor = staffOf(BOMBAY)) => {
  const photos = new InMemoryPhotoStore();
  const h = await restaurantsHarness({ photos, newId: () => UPLOAD });
  const ctx = testContext("corr-menu-1", actor);
  const router = createRestaurantsRouter(h.svc);
  const caller = createCallerFactory(router)(ctx);
  // What an untrusted client can put on the wire: anything at all.
  const send = caller as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const refused = (call: Promise<unknown>) => refusalOf(router, ctx, call);
  return { ...h, photos, caller, send, refused };
};

const validItem = () => ({
  name: "Masala Dosa",
  description: "Rice and lentil crêpe, spiced potato, sambar and chutneys.",
  priceCents: 1295,
  dietary: ["vegan"],
  optionGroups: [
    {
      name: "Chutney",
      min: 1,
      max: 1,
      options: [
        { name: "Coconut", priceDeltaCents: 0 },
        { name: "Tomato", priceDeltaCents: 50 },
      ],
    },
  ],
});
const saveItem = (item: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  restaurantId: BOMBAY,
  categoryId: "curries",
  item,
  ...extra,
});
const group = (overrides: Record<string, unknown>) => ({ ...validItem().optionGroups[0], ...overrides });

type Case = {
  case: string;
  procedure: string;
  input: unknown;
  code?: TRPCError["code"];
  message: RegExp;
  field: string;
};

const badInputs: Case[] = [
  {
    case: "a dish name of 10,000 characters",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), name: "D".repeat(10_000) }),
    message: /^Dish name must be at most 80 characters\.$/,
    field: "item.name",
  },
  {
    case: "an empty dish name",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), name: "   " }),
    message: /^Dish name is required\.$/,
    field: "item.name",
  },
  {
    case: "a dish name with a bidi override",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), name: "Dosa\u202Egnirts" }),
    message: /^Dish name contains an invisible text-direction control \(U\+202E\)/,
    field: "item.name",
  },
  {
    case: "a description of 10,000 characters",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), description: "x".repeat(10_000) }),
    message: /^Description must be at most 500 characters\.$/,
    field: "item.description",
  },
  {
    case: "a negative price",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), priceCents: -100 }),
    message: /^Price can't be negative\.$/,
    field: "item.priceCents",
  },
  {
    case: "a price as a string",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), priceCents: "12.95" }),
    message: /^Price must be a number of cents, e\.g\. 1295 for \$12\.95\.$/,
    field: "item.priceCents",
  },
  {
    case: "a fractional price",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), priceCents: 12.5 }),
    message: /^Price must be a whole number of cents\.$/,
    field: "item.priceCents",
  },
  {
    case: "a price over $1,000",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), priceCents: 100_001 }),
    message: /^Price can be at most \$1000\.00\.$/,
    field: "item.priceCents",
  },
  {
    case: "an option group whose min is above its max",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), optionGroups: [group({ min: 2, max: 1 })] }),
    message: /^The fewest choices can't be more than the most choices\.$/,
    field: "item.optionGroups.0.min",
  },
  {
    case: "an empty option group",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), optionGroups: [group({ options: [] })] }),
    message: /^An option group needs at least one option\.$/,
    field: "item.optionGroups.0.options",
  },
  {
    case: "a negative option price",
    procedure: "saveItem",
    input: saveItem({
      ...validItem(),
      optionGroups: [group({ options: [{ name: "Coconut", priceDeltaCents: -50 }] })],
    }),
    message: /^Option price can't be negative\.$/,
    field: "item.optionGroups.0.options.0.priceDeltaCents",
  },
  {
    case: "an option name of 10,000 characters",
    procedure: "saveItem",
    input: saveItem({
      ...validItem(),
      optionGroups: [group({ options: [{ name: "o".repeat(10_000), priceDeltaCents: 0 }] })],
    }),
    message: /^Option name must be at most 60 characters\.$/,
    field: "item.optionGroups.0.options.0.name",
  },
  {
    case: "a group asking for more choices than it offers",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), optionGroups: [group({ min: 3, max: 3 })] }),
    message: /customers can't pick 3 of only 2 options/,
    field: "optionGroups.0.max",
  },
  {
    case: "an unknown dietary tag",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), dietary: ["keto"] }),
    message: /^Dietary tags are: vegetarian, vegan/,
    field: "item.dietary.0",
  },
  {
    case: "a price sent alongside (a total field)",
    procedure: "saveItem",
    input: saveItem({ ...validItem(), totalCents: 1 }),
    message: /^Unexpected field: totalCents\.$/,
    field: "item",
  },
  {
    case: "a malformed dish id",
    procedure: "deleteItem",
    input: { restaurantId: BOMBAY, itemId: "../butter-chicken" },
    message: /^That dish id isn't valid/,
    field: "itemId",
  },
  {
    case: "a section name of 10,000 characters",
    procedure: "saveCategory",
    input: { restaurantId: BOMBAY, category: { name: "s".repeat(10_000) } },
    message: /^Section name must be at most 60 characters\.$/,
    field: "category.name",
  },
  {
    case: "availability as a string",
    procedure: "setItemAvailability",
    input: { restaurantId: BOMBAY, itemId: "butter-chicken", available: "no" },
    message: /^Available must be true or false\.$/,
    field: "available",
  },
  {
    case: "an upload of a GIF",
    procedure: "createPhotoUpload",
    input: { restaurantId: BOMBAY, contentType: "image/gif", sizeBytes: 1000 },
    message: /^Upload a JPEG, PNG or WebP photo\.$/,
    field: "contentType",
  },
  {
    case: "an upload of 3 MB",
    procedure: "createPhotoUpload",
    input: { restaurantId: BOMBAY, contentType: "image/png", sizeBytes: 3 * 1024 * 1024 },
    message: /^That photo is larger than 2 MB: upload a smaller one\.$/,
    field: "sizeBytes",
  },
  {
    case: "a malformed upload id",
    procedure: "attachPhoto",
    input: { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: "../../other/key" },
    message: /^That upload isn't valid: upload the photo again\.$/,
    field: "uploadId",
  },
];

describe("menu editor procedures", () => {
  it.each(badInputs)("refuses $case with a 400 naming the field, changing nothing", async (c) => {
    const { send, refused, effects, photos } = await setup();
    const before = effects();
    const call = send[c.procedure];
    if (!call) throw new Error(`no procedure ${c.procedure}`);
    const refusal = await refused(call(c.input));
    expect(refusal.code).toBe(c.code ?? "BAD_REQUEST");
    expect(refusal.message).toMatch(c.message);
    expect(Object.keys(refusal.fieldErrors)).toContain(c.field);
    expect(effects()).toEqual(before);
    expect(photos.presigned).toEqual([]);
  });

  it("saves a valid dish and answers with the editor's view", async () => {
    const { caller, publisher } = await setup();
    const view = await caller.saveItem(saveItem(validItem()) as Parameters<typeof caller.saveItem>[0]);
    expect(view.categories[0]?.items.at(-1)).toMatchObject({ id: "masala-dosa", priceCents: 1295 });
    expect(publisher.published).toHaveLength(1);
  });

  it("keeps any script and emoji in names exactly as typed", async () => {
    const { caller } = await setup();
    const view = await caller.saveItem(
      saveItem({ ...validItem(), name: "मसाला डोसा 🌶️" }) as Parameters<typeof caller.saveItem>[0],
    );
    expect(view.categories[0]?.items.at(-1)?.name).toBe("मसाला डोसा 🌶️");
  });

  it("refuses customers (403) and another restaurant's staff (404) without touching the menu", async () => {
    const customer = await setup(aCustomer());
    const asCustomer = await customer.refused(
      customer.send.menu?.({ restaurantId: BOMBAY }) ?? Promise.resolve(),
    );
    expect(asCustomer.code).toBe("FORBIDDEN");

    const other = await setup(staffOf("nonna-rosa"));
    const before = other.effects();
    const theirs = await other.refused(other.send.saveItem?.(saveItem(validItem())) ?? Promise.resolve());
    expect(theirs.code).toBe("NOT_FOUND");
    expect(theirs.message).toMatch(/^We couldn't find that restaurant/);
    expect(other.effects()).toEqual(before);
  });

  it("attaches an uploaded PNG and refuses a text file, end to end through the router", async () => {
    const { caller, photos, refused } = await setup();
    const upload = await caller.createPhotoUpload({
      restaurantId: BOMBAY,
      contentType: "image/png",
      sizeBytes: 900,
    });
    expect(upload.uploadId).toBe(UPLOAD);
    photos.put(photoKey(BOMBAY, UPLOAD), Buffer.from("not a png"), "image/png");
    const bad = await refused(
      caller.attachPhoto({ restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toHaveProperty("photo");

    photos.put(photoKey(BOMBAY, UPLOAD), pngOf(320, 240), "image/png");
    const view = await caller.attachPhoto({
      restaurantId: BOMBAY,
      itemId: "butter-chicken",
      uploadId: UPLOAD,
    });
    expect(view.categories[0]?.items[0]?.photo).toMatchObject({ width: 320, height: 240 });
  });
});
