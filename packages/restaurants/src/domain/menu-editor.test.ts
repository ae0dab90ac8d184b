import { RestaurantCatalogPublishedV2 } from "@tiffin/contracts";
import { DomainError } from "@tiffin/kit/domain-error";
import { describe, expect, it } from "vitest";
import { staffOf } from "../../test/caller";
import { restaurantsHarness } from "../../test/factories";
import { jpegOf, notAnImage, pngOf } from "../../test/images";
import { InMemoryPhotoStore } from "../../test/photo-fakes";
import type { ItemDraft } from "./menu-editor";
import { photoKey } from "./photo";

const BOMBAY = "bombay-tiffin-house";
const owner = staffOf(BOMBAY);
const UPLOAD = "00000000-0000-4000-8000-000000000001";

const setup = async () => {
  const photos = new InMemoryPhotoStore();
  const h = await restaurantsHarness({ photos, newId: () => UPLOAD });
  return { ...h, photos };
};

const draft = (overrides: Partial<ItemDraft> = {}): ItemDraft => ({
  name: "Prawn Moilee",
  description: "Kerala prawns in coconut milk, curry leaves and green chilli.",
  priceCents: 1795,
  dietary: ["gluten-free", "dairy-free"],
  optionGroups: [
    {
      name: "Spice level",
      min: 1,
      max: 1,
      options: [
        { name: "Mild", priceDeltaCents: 0 },
        { name: "Hot", priceDeltaCents: 0 },
      ],
    },
    {
      name: "Sides",
      min: 0,
      max: 2,
      options: [
        { name: "Appam", priceDeltaCents: 250 },
        { name: "Lemon rice", priceDeltaCents: 300 },
      ],
    },
  ],
  ...overrides,
});

const refusal = async (call: Promise<unknown>) => {
  const error = await call.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return error;
};

describe("menu editor", () => {
  it("creates a dish with option groups, saves a new revision and publishes it with its options", async () => {
    const { svc, restaurants, publisher } = await setup();

    const view = await svc.saveItem(
      owner,
      { restaurantId: BOMBAY, categoryId: "curries", item: draft() },
      "c-1",
    );

    const saved = view.categories
      .find((c) => c.id === "curries")
      ?.items.find((i) => i.name === "Prawn Moilee");
    expect(saved).toMatchObject({
      id: "prawn-moilee",
      priceCents: 1795,
      available: true,
      optionGroups: [
        { id: "spice-level", min: 1, max: 1, options: [{ id: "mild" }, { id: "hot" }] },
        {
          id: "sides",
          min: 0,
          max: 2,
          options: [{ id: "appam", priceDeltaCents: 250, available: true }, { id: "lemon-rice" }],
        },
      ],
    });
    expect(view.restaurant.revision).toBe(2);
    expect((await restaurants.byId(BOMBAY))?.revision).toBe(2);
    const event = RestaurantCatalogPublishedV2.parse(publisher.published.at(-1));
    expect(event.revision).toBe(2);
    expect(event.items.find((i) => i.id === "prawn-moilee")?.optionGroups[0]?.options).toHaveLength(2);
  });

  it("keeps a dish's id, options' ids, drawing and photo when it is edited, and applies the new price", async () => {
    const { svc, publisher } = await setup();
    const first = await svc.saveItem(
      owner,
      { restaurantId: BOMBAY, categoryId: "curries", item: draft() },
      "c-1",
    );
    const created = first.categories[0]?.items.find((i) => i.id === "prawn-moilee");
    if (!created) throw new Error("not created");

    const groups = created.optionGroups.map((g) => ({ ...g, options: g.options.map((o) => ({ ...o })) }));
    const view = await svc.saveItem(
      owner,
      {
        restaurantId: BOMBAY,
        categoryId: "curries",
        item: { ...draft({ priceCents: 1995 }), id: created.id, optionGroups: groups },
      },
      "c-2",
    );

    const edited = view.categories[0]?.items.find((i) => i.id === "prawn-moilee");
    expect(edited?.priceCents).toBe(1995);
    expect(edited?.optionGroups).toEqual(created.optionGroups);
    expect(publisher.published.at(-1)?.items.find((i) => i.id === "prawn-moilee")?.priceCents).toBe(1995);
    // Demo dishes keep their drawing through an edit.
    const butter = view.categories[0]?.items.find((i) => i.id === "butter-chicken");
    const again = await svc.saveItem(
      owner,
      {
        restaurantId: BOMBAY,
        categoryId: "curries",
        item: {
          ...draft({ name: "Butter Chicken", priceCents: 1795, optionGroups: [] }),
          id: "butter-chicken",
        },
      },
      "c-3",
    );
    expect(again.categories[0]?.items.find((i) => i.id === "butter-chicken")).toMatchObject({
      illustration: butter?.illustration,
      popular: true,
      priceCents: 1795,
    });
  });

  it("moves a dish to another section when its section changes", async () => {
    const { svc } = await setup();
    const view = await svc.saveItem(
      owner,
      {
        restaurantId: BOMBAY,
        categoryId: "desserts",
        item: { ...draft({ name: "Gulab Jamun", priceCents: 495, optionGroups: [] }), id: "gulab-jamun" },
      },
      "c-1",
    );
    const desserts = view.categories.find((c) => c.id === "desserts")?.items.map((i) => i.id);
    expect(desserts).toContain("gulab-jamun");
    expect(view.categories.flatMap((c) => c.items).filter((i) => i.id === "gulab-jamun")).toHaveLength(1);
  });

  it.each([
    [
      "min above max",
      { min: 3, max: 2 },
      /the minimum \(3\) can't be more than the maximum \(2\)/,
      "optionGroups.0.min",
    ],
    [
      "max above the options offered",
      { min: 1, max: 3 },
      /can't pick 3 of only 2 options/,
      "optionGroups.0.max",
    ],
  ])("refuses a group with %s, naming it, and saves nothing", async (_, bounds, message, field) => {
    const { svc, effects } = await setup();
    const before = effects();
    const base = draft();
    const group = base.optionGroups[0];
    if (!group) throw new Error("no group");
    const error = await refusal(
      svc.saveItem(
        owner,
        {
          restaurantId: BOMBAY,
          categoryId: "curries",
          item: { ...base, optionGroups: [{ ...group, ...bounds }] },
        },
        "c-1",
      ),
    );
    expect(error.kind).toBe("invalid");
    expect(error.message).toMatch(message);
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(effects()).toEqual(before);
  });

  it("refuses an empty group and a group with the same option twice", async () => {
    const { svc, effects } = await setup();
    const before = effects();
    const empty = await refusal(
      svc.saveItem(
        owner,
        {
          restaurantId: BOMBAY,
          categoryId: "curries",
          item: draft({ optionGroups: [{ name: "Sauce", min: 0, max: 1, options: [] }] }),
        },
        "c-1",
      ),
    );
    expect(empty.message).toMatch(/Option group "Sauce" has no options/);
    const twice = await refusal(
      svc.saveItem(
        owner,
        {
          restaurantId: BOMBAY,
          categoryId: "curries",
          item: draft({
            optionGroups: [
              {
                name: "Sauce",
                min: 0,
                max: 1,
                options: [
                  { name: "Raita", priceDeltaCents: 0 },
                  { name: "raita", priceDeltaCents: 0 },
                ],
              },
            ],
          }),
        },
        "c-1",
      ),
    );
    expect(twice.message).toMatch(/has "raita" twice/);
    expect(effects()).toEqual(before);
  });

  it("answers another restaurant's menu exactly like a missing one, and changes nothing", async () => {
    const { svc, effects } = await setup();
    const before = effects();
    const other = await refusal(svc.menu(owner, "nonna-rosa"));
    const missing = await refusal(svc.menu(owner, "no-such-place"));
    expect(other.kind).toBe("not_found");
    expect(other.message).toBe(missing.message);
    const write = await refusal(
      svc.setItemAvailability(
        owner,
        { restaurantId: "nonna-rosa", itemId: "margherita", available: false },
        "c",
      ),
    );
    expect(write.message).toBe(missing.message);
    expect(effects()).toEqual(before);
  });

  it("marks a dish and an option sold out and back, each a published revision", async () => {
    const { svc, publisher } = await setup();
    await svc.setItemAvailability(
      owner,
      { restaurantId: BOMBAY, itemId: "butter-chicken", available: false },
      "c-1",
    );
    expect(publisher.published.at(-1)?.items.find((i) => i.id === "butter-chicken")?.available).toBe(false);

    const view = await svc.setOptionAvailability(
      owner,
      {
        restaurantId: BOMBAY,
        itemId: "lamb-rogan-josh",
        groupId: "extras",
        optionId: "raita",
        available: false,
      },
      "c-2",
    );
    const raita = view.categories
      .flatMap((c) => c.items)
      .find((i) => i.id === "lamb-rogan-josh")
      ?.optionGroups.find((g) => g.id === "extras")
      ?.options.find((o) => o.id === "raita");
    expect(raita?.available).toBe(false);
    const published = publisher.published.at(-1)?.items.find((i) => i.id === "lamb-rogan-josh");
    expect(published?.optionGroups[1]?.options.find((o) => o.id === "raita")?.available).toBe(false);
    expect(publisher.published.map((e) => e.revision)).toEqual([2, 3]);
  });

  it("refuses an unknown dish or option with a 404 that says to reload", async () => {
    const { svc } = await setup();
    expect(
      (await refusal(svc.deleteItem(owner, { restaurantId: BOMBAY, itemId: "no-such-dish" }, "c"))).message,
    ).toMatch(/isn't on the menu any more/);
    expect(
      (
        await refusal(
          svc.setOptionAvailability(
            owner,
            {
              restaurantId: BOMBAY,
              itemId: "lamb-rogan-josh",
              groupId: "extras",
              optionId: "nope",
              available: true,
            },
            "c",
          ),
        )
      ).kind,
    ).toBe("not_found");
  });

  it("creates, renames and deletes an empty section; refuses to delete one with dishes", async () => {
    const { svc } = await setup();
    const created = await svc.saveCategory(
      owner,
      { restaurantId: BOMBAY, category: { name: "Drinks" } },
      "c-1",
    );
    expect(created.categories.at(-1)).toEqual({ id: "drinks", name: "Drinks", items: [] });
    const renamed = await svc.saveCategory(
      owner,
      { restaurantId: BOMBAY, category: { id: "drinks", name: "Cold drinks" } },
      "c-2",
    );
    expect(renamed.categories.at(-1)?.name).toBe("Cold drinks");
    const clash = await refusal(
      svc.saveCategory(owner, { restaurantId: BOMBAY, category: { name: "curries" } }, "c-3"),
    );
    expect(clash.message).toMatch(/already a section called "Curries"/);
    const full = await refusal(
      svc.deleteCategory(owner, { restaurantId: BOMBAY, categoryId: "curries" }, "c-4"),
    );
    expect(full.kind).toBe("conflict");
    expect(full.message).toMatch(/"Curries" still has 4 dishes: move or delete them first/);
    const gone = await svc.deleteCategory(owner, { restaurantId: BOMBAY, categoryId: "drinks" }, "c-5");
    expect(gone.categories.map((c) => c.id)).not.toContain("drinks");
  });

  it("refuses an edit based on a revision another edit already replaced (nothing overwritten)", async () => {
    const { svc, restaurants } = await setup();
    const [a, b] = await Promise.allSettled([
      svc.setItemAvailability(
        owner,
        { restaurantId: BOMBAY, itemId: "butter-chicken", available: false },
        "a",
      ),
      svc.setItemAvailability(owner, { restaurantId: BOMBAY, itemId: "garlic-naan", available: false }, "b"),
    ]);
    const outcomes = [a, b].map((r) => r.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    const loser = [a, b].find((r) => r.status === "rejected");
    expect(loser?.status === "rejected" && (loser.reason as DomainError).kind).toBe("conflict");
    const stored = await restaurants.byId(BOMBAY);
    expect(stored?.revision).toBe(2);
  });
});

describe("menu photos", () => {
  it("presigns an upload under the restaurant, then attaches a real PNG with its dimensions", async () => {
    const { svc, photos, publisher } = await setup();
    const upload = await svc.createPhotoUpload(owner, {
      restaurantId: BOMBAY,
      contentType: "image/png",
      sizeBytes: 5000,
    });
    expect(upload).toMatchObject({ uploadId: UPLOAD, maxBytes: 2 * 1024 * 1024 });
    expect(photos.presigned).toEqual([
      { key: photoKey(BOMBAY, UPLOAD), contentType: "image/png", maxBytes: 2 * 1024 * 1024 },
    ]);
    photos.put(photoKey(BOMBAY, UPLOAD), pngOf(640, 480), "image/png");

    const view = await svc.attachPhoto(
      owner,
      { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD },
      "c",
    );

    const item = view.categories[0]?.items.find((i) => i.id === "butter-chicken");
    expect(item?.photo).toEqual({
      key: `menu/${BOMBAY}/${UPLOAD}`,
      width: 640,
      height: 480,
      alt: "Butter Chicken",
    });
    expect(publisher.published).toHaveLength(1);
  });

  it("measures a JPEG from its frame header", async () => {
    const { svc, photos } = await setup();
    photos.put(photoKey(BOMBAY, UPLOAD), jpegOf(1200, 800), "image/jpeg");
    const view = await svc.attachPhoto(
      owner,
      { restaurantId: BOMBAY, itemId: "garlic-naan", uploadId: UPLOAD, alt: "Naan, torn open" },
      "c",
    );
    expect(view.categories.flatMap((c) => c.items).find((i) => i.id === "garlic-naan")?.photo).toMatchObject({
      width: 1200,
      height: 800,
      alt: "Naan, torn open",
    });
  });

  it.each([
    ["a text file named .png", () => notAnImage(), "image/png", /isn't a JPEG, PNG or WebP image/],
    [
      "a file over 2 MB",
      () => pngOf(100, 100, { padTo: 3 * 1024 * 1024 }),
      "image/png",
      /3\.0 MB: upload one of at most 2 MB/,
    ],
    ["a PNG sent as a JPEG", () => pngOf(100, 100), "image/jpeg", /PNG image sent as image\/jpeg/],
    ["a tiny image", () => pngOf(10, 10), "image/png", /10×10 pixels: use one at least 64/],
  ])("refuses %s: 400, nothing attached, nothing saved", async (_, body, type, message) => {
    const { svc, photos, effects } = await setup();
    photos.put(photoKey(BOMBAY, UPLOAD), body(), type);
    const before = effects();
    const error = await refusal(
      svc.attachPhoto(owner, { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD }, "c"),
    );
    expect(error.kind).toBe("invalid");
    expect(error.message).toMatch(message);
    expect(error.fieldErrors).toHaveProperty("photo");
    expect(effects()).toEqual(before);
  });

  it("refuses a photo that was never uploaded, and another restaurant's upload", async () => {
    const { svc, photos } = await setup();
    const missing = await refusal(
      svc.attachPhoto(owner, { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD }, "c"),
    );
    expect(missing.message).toMatch(/didn't receive that photo/);
    // Nonna's upload id, attached through Bombay: looked up under Bombay's prefix, so it is not found.
    photos.put(photoKey("nonna-rosa", UPLOAD), pngOf(300, 300), "image/png");
    const theirs = await refusal(
      svc.attachPhoto(owner, { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD }, "c"),
    );
    expect(theirs.message).toMatch(/didn't receive that photo/);
  });

  it("refuses to presign a type or size the rules already say no to", async () => {
    const { svc, photos } = await setup();
    expect(
      (
        await refusal(
          svc.createPhotoUpload(owner, { restaurantId: BOMBAY, contentType: "image/gif", sizeBytes: 10 }),
        )
      ).message,
    ).toBe("Upload a JPEG, PNG or WebP photo.");
    expect(
      (
        await refusal(
          svc.createPhotoUpload(owner, {
            restaurantId: BOMBAY,
            contentType: "image/png",
            sizeBytes: 3 * 1024 * 1024,
          }),
        )
      ).message,
    ).toMatch(/3\.0 MB: upload one of at most 2 MB/);
    expect(photos.presigned).toEqual([]);
  });

  it("takes a photo off a dish, and updates its description", async () => {
    const { svc, photos } = await setup();
    photos.put(photoKey(BOMBAY, UPLOAD), pngOf(200, 200), "image/png");
    await svc.attachPhoto(owner, { restaurantId: BOMBAY, itemId: "butter-chicken", uploadId: UPLOAD }, "c-1");
    const base = { ...draft({ name: "Butter Chicken", optionGroups: [] }), id: "butter-chicken" };
    const described = await svc.saveItem(
      owner,
      { restaurantId: BOMBAY, categoryId: "curries", item: { ...base, photoAlt: "A copper bowl of curry" } },
      "c-2",
    );
    expect(described.categories[0]?.items.find((i) => i.id === "butter-chicken")?.photo?.alt).toBe(
      "A copper bowl of curry",
    );
    const removed = await svc.saveItem(
      owner,
      { restaurantId: BOMBAY, categoryId: "curries", item: { ...base, removePhoto: true } },
      "c-3",
    );
    expect(removed.categories[0]?.items.find((i) => i.id === "butter-chicken")?.photo).toBeUndefined();
  });
});
