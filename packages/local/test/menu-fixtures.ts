import { randomUUID } from "node:crypto";
import { pngOf } from "@tiffin/restaurants/testing/images";
import { apiBase } from "./system";
import { callProcedure } from "./trpc-http";

/*
 * The menu editor's procedures in the system tests: what the authorization matrix calls as Bombay's owner
 * (own) and on Nonna Rosa (another restaurant's: 404), and the objects those calls need, made over HTTP
 * with the owner's token (an empty section and a dish to delete, an uploaded photo to attach).
 */
const OWN = "bombay-tiffin-house";
const OTHER = "nonna-rosa";

export const menuFixtures = { emptySectionId: "", dishToDelete: "", uploadId: "" };

const resultOf = <T>(r: { status: number; body: unknown }): T => {
  if (r.status !== 200) throw new Error(`menu fixture call answered ${r.status}: ${JSON.stringify(r.body)}`);
  return (r.body as { result: { data: { json: T } } }).result.data.json;
};

type View = { categories: { id: string; name: string; items: { id: string; name: string }[] }[] };

const mutate = (token: string, path: string, input: unknown) =>
  callProcedure({ apiBase, path: `restaurants.${path}`, kind: "mutation", input, token });

/** Makes, as Bombay's owner, what the own-restaurant cells act on. */
export const prepareMenuFixtures = async (ownerToken: string) => {
  const tag = randomUUID().slice(0, 8);
  const section = resultOf<View>(
    await mutate(ownerToken, "saveCategory", {
      restaurantId: OWN,
      category: { name: `Matrix empty ${tag}` },
    }),
  );
  menuFixtures.emptySectionId = section.categories.at(-1)?.id ?? "";
  const dish = resultOf<View>(
    await mutate(ownerToken, "saveItem", {
      restaurantId: OWN,
      categoryId: "curries",
      item: { name: `Matrix delete me ${tag}`, priceCents: 100 },
    }),
  );
  menuFixtures.dishToDelete =
    dish.categories.flatMap((c) => c.items).find((i) => i.name === `Matrix delete me ${tag}`)?.id ?? "";
  const photo = pngOf(120, 90);
  const upload = resultOf<{ uploadId: string; url: string; fields: Record<string, string> }>(
    await mutate(ownerToken, "createPhotoUpload", {
      restaurantId: OWN,
      contentType: "image/png",
      sizeBytes: photo.length,
    }),
  );
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(photo)]), "matrix.png");
  const posted = await fetch(new URL(upload.url, apiBase), { method: "POST", body: form });
  if (!posted.ok) throw new Error(`photo upload answered ${posted.status}`);
  menuFixtures.uploadId = upload.uploadId;
};

/** Staff only; another restaurant's menu answers like a missing one. */
export const menuRules = {
  "restaurants.menu": {
    allow: ["restaurant" as const],
    tenancy: { own: () => ({ restaurantId: OWN }), other: () => ({ restaurantId: OTHER }) },
  },
  "restaurants.saveCategory": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, category: { name: `Matrix ${randomUUID().slice(0, 8)}` } }),
      other: () => ({ restaurantId: OTHER, category: { name: "Matrix intruder" } }),
    },
  },
  "restaurants.deleteCategory": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, categoryId: menuFixtures.emptySectionId }),
      other: () => ({ restaurantId: OTHER, categoryId: "pizza" }),
    },
  },
  "restaurants.saveItem": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({
        restaurantId: OWN,
        categoryId: "curries",
        item: { name: "Matrix dish", priceCents: 1000 },
      }),
      other: () => ({
        restaurantId: OTHER,
        categoryId: "pizza",
        item: { name: "Matrix dish", priceCents: 1000 },
      }),
    },
  },
  "restaurants.deleteItem": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, itemId: menuFixtures.dishToDelete }),
      other: () => ({ restaurantId: OTHER, itemId: "margherita" }),
    },
  },
  "restaurants.setItemAvailability": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, itemId: "tiffin-box", available: true }),
      other: () => ({ restaurantId: OTHER, itemId: "margherita", available: false }),
    },
  },
  "restaurants.setOptionAvailability": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({
        restaurantId: OWN,
        itemId: "lamb-rogan-josh",
        groupId: "spice",
        optionId: "mild",
        available: true,
      }),
      other: () => ({
        restaurantId: OTHER,
        itemId: "funghi-tartufo",
        groupId: "size",
        optionId: "30cm",
        available: false,
      }),
    },
  },
  "restaurants.createPhotoUpload": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, contentType: "image/png", sizeBytes: 1000 }),
      other: () => ({ restaurantId: OTHER, contentType: "image/png", sizeBytes: 1000 }),
    },
  },
  "restaurants.attachPhoto": {
    allow: ["restaurant" as const],
    tenancy: {
      own: () => ({ restaurantId: OWN, itemId: "tiffin-box", uploadId: menuFixtures.uploadId }),
      other: () => ({ restaurantId: OTHER, itemId: "margherita", uploadId: menuFixtures.uploadId }),
    },
  },
};

/** Fuzz seeds, on Nonna Rosa (signed in as its owner) so fuzzed edits never touch what other tests order. */
export const menuFuzzSeeds: Record<string, unknown> = {
  "restaurants.menu": { restaurantId: OTHER },
  "restaurants.saveCategory": { restaurantId: OTHER, category: { id: "fuzz-missing-section", name: "Fuzz" } },
  "restaurants.deleteCategory": { restaurantId: OTHER, categoryId: "fuzz-missing-section" },
  "restaurants.saveItem": {
    restaurantId: OTHER,
    categoryId: "fuzz-missing-section",
    item: {
      name: "Fuzz dish",
      description: "",
      priceCents: 1200,
      dietary: ["vegan"],
      optionGroups: [{ name: "Size", min: 1, max: 1, options: [{ name: "Small", priceDeltaCents: 0 }] }],
    },
  },
  "restaurants.deleteItem": { restaurantId: OTHER, itemId: "fuzz-missing-dish" },
  "restaurants.setItemAvailability": { restaurantId: OTHER, itemId: "fuzz-missing-dish", available: false },
  "restaurants.setOptionAvailability": {
    restaurantId: OTHER,
    itemId: "funghi-tartufo",
    groupId: "size",
    optionId: "fuzz-missing-option",
    available: false,
  },
  "restaurants.createPhotoUpload": { restaurantId: OTHER, contentType: "image/png", sizeBytes: 1000 },
  "restaurants.attachPhoto": { restaurantId: OTHER, itemId: "margherita", uploadId: randomUUID() },
};
