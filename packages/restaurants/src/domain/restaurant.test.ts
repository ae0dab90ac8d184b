import { describe, expect, it } from "vitest";
import { demoCatalog, FIXED_NOW, menuItem, pausedStore, restaurant } from "../../test/factories";
import {
  cuisinesOf,
  type Restaurant,
  type RestaurantFilter,
  searchRestaurants,
  toSummary,
  withAvailability,
} from "./restaurant";

const demo = demoCatalog();
const namesFor = (filter: RestaurantFilter) => searchRestaurants(demo, filter, FIXED_NOW).map((r) => r.name);
const summary = (r: Restaurant) => toSummary(withAvailability(r, FIXED_NOW));

describe("searchRestaurants", () => {
  it("lists every restaurant when there is no filter: open ones first, then by rating, then by name", () => {
    expect(namesFor({})).toEqual([
      "Sakura Ramen Bar", // 4.8
      "Bombay Tiffin House", // 4.7
      "Nonna Rosa Pizzeria", // 4.6, N before S
      "Seoul Kitchen", // 4.6
      "El Fogón Taquería", // 4.5
      "Green Bowl", // 4.4
      "Le Petit Four", // 4.9, but paused
    ]);
  });

  it("puts an open restaurant before a better-rated paused one", () => {
    const closedStar = restaurant({
      id: "closed-star",
      name: "Closed Star",
      store: pausedStore(),
      rating: 5,
    });
    const openOk = restaurant({ id: "open-ok", name: "Open OK", rating: 3.1 });

    expect(searchRestaurants([closedStar, openOk], {}, FIXED_NOW).map((r) => r.id)).toEqual([
      "open-ok",
      "closed-star",
    ]);
  });

  it("counts a restaurant outside its opening hours as closed, and a busy one as open", () => {
    // FIXED_NOW is Friday 2026-11-27 10:31 in Los Angeles.
    const dinnerOnly = restaurant({
      id: "dinner-only",
      openingHours: [{ day: 5, opens: "17:00", closes: "23:00" }],
    });
    const busy = restaurant({
      id: "busy-place",
      store: { state: "busy", pausedUntil: null, busyExtraMinutes: 20, message: "" },
    });

    const found = searchRestaurants([dinnerOnly, busy], { openNow: true }, FIXED_NOW);

    expect(found.map((r) => [r.id, r.availability.status])).toEqual([["busy-place", "busy"]]);
    expect(searchRestaurants([dinnerOnly], {}, FIXED_NOW)[0]).toMatchObject({
      isOpen: false,
      availability: { acceptingOrders: false, status: "closed" },
    });
  });

  it("counts a pause whose end time has passed as open again", () => {
    const back = restaurant({
      id: "back-again",
      store: { ...pausedStore(), pausedUntil: new Date(FIXED_NOW.getTime() - 60_000).toISOString() },
    });

    expect(searchRestaurants([back], { openNow: true }, FIXED_NOW).map((r) => r.id)).toEqual(["back-again"]);
  });

  it.each([
    { by: "name", query: "sakura", expected: ["Sakura Ramen Bar"] },
    { by: "name, in capitals", query: "SAKURA", expected: ["Sakura Ramen Bar"] },
    { by: "cuisine", query: "mexican", expected: ["El Fogón Taquería"] },
    { by: "description", query: "tandoor", expected: ["Bombay Tiffin House"] },
    { by: "dish name", query: "naan", expected: ["Bombay Tiffin House"] },
    { by: "another dish name", query: "kimchi", expected: ["Seoul Kitchen"] },
    { by: "every term, across fields", query: "pizza tiramisu", expected: ["Nonna Rosa Pizzeria"] },
    { by: "a term one field has and one another lacks", query: "naan ramen", expected: [] },
    { by: "extra spaces", query: "  ramen   bar ", expected: ["Sakura Ramen Bar"] },
    { by: "nothing that matches", query: "haggis", expected: [] },
  ])("finds by $by ($query)", ({ query, expected }) => {
    expect(namesFor({ query })).toEqual(expected);
  });

  it.each([
    { query: "fogon", expected: ["El Fogón Taquería"] },
    { query: "taqueria", expected: ["El Fogón Taquería"] },
    { query: "Fogón", expected: ["El Fogón Taquería"] },
    { query: "tiramisu", expected: ["Nonna Rosa Pizzeria"] }, // the dish is "Tiramisù"
    { query: "tiramisù", expected: ["Nonna Rosa Pizzeria"] },
  ])("ignores diacritics on both sides ($query)", ({ query, expected }) => {
    expect(namesFor({ query })).toEqual(expected);
  });

  it("finds an accented dish typed without accents", () => {
    const bistro = restaurant({ id: "bistro", items: [menuItem({ name: "Crème Brûlée" })] });

    expect(searchRestaurants([bistro], { query: "creme brulee" }, FIXED_NOW).map((r) => r.id)).toEqual([
      "bistro",
    ]);
  });

  it("filters by cuisine, whatever its case or accents, matching the whole cuisine name", () => {
    expect(namesFor({ cuisine: "italian" })).toEqual(["Nonna Rosa Pizzeria"]);
    expect(namesFor({ cuisine: "Indian" })).toEqual(["Bombay Tiffin House"]);
    expect(namesFor({ cuisine: "Ital" })).toEqual([]);
    const cafe = restaurant({ id: "cafe", cuisine: "Café" });
    expect(searchRestaurants([cafe], { cuisine: "cafe" }, FIXED_NOW).map((r) => r.id)).toEqual(["cafe"]);
  });

  it("leaves paused and closed restaurants out when openNow is set", () => {
    expect(namesFor({ openNow: true })).not.toContain("Le Petit Four");
    expect(namesFor({ openNow: true })).toHaveLength(6);
    expect(namesFor({ query: "croissant" })).toEqual(["Le Petit Four"]);
    expect(namesFor({ query: "croissant", openNow: true })).toEqual([]);
  });

  it("combines query, cuisine and openNow", () => {
    expect(namesFor({ query: "chicken", cuisine: "korean", openNow: true })).toEqual(["Seoul Kitchen"]);
    expect(namesFor({ query: "chicken", cuisine: "japanese" })).toEqual(["Sakura Ramen Bar"]);
  });

  it("returns summaries, without the menu or the revision", () => {
    const [first] = searchRestaurants(demo, { query: "sakura" }, FIXED_NOW);

    expect(first).toBeDefined();
    expect(first).not.toHaveProperty("menu");
    expect(first).not.toHaveProperty("revision");
    expect(first).toMatchObject({
      id: "sakura-ramen-bar",
      slug: "sakura-ramen-bar",
      isOpen: true,
      rating: 4.8,
    });
  });
});

describe("toSummary dietary badges", () => {
  it("lists the tags some available dish offers, in the standard order", () => {
    const r = restaurant({
      items: [
        menuItem({ id: "a", dietary: ["spicy", "vegan"] }),
        menuItem({ id: "b", dietary: ["vegetarian", "spicy"] }),
      ],
    });

    expect(summary(r).dietary).toEqual(["vegetarian", "vegan", "spicy"]);
  });

  it("ignores sold-out dishes: a badge promises something the customer can order", () => {
    const r = restaurant({
      items: [
        menuItem({ id: "vegan-curry", dietary: ["vegan", "gluten-free"], available: false }),
        menuItem({ id: "naan", dietary: ["vegetarian"] }),
      ],
    });

    expect(summary(r).dietary).toEqual(["vegetarian"]);
  });

  it("has no badges when everything is sold out", () => {
    const r = restaurant({ items: [menuItem({ dietary: ["vegan"], available: false })] });

    expect(summary(r).dietary).toEqual([]);
  });
});

describe("cuisinesOf", () => {
  it("lists each cuisine once, sorted", () => {
    expect(cuisinesOf(demo)).toEqual([
      "French",
      "Healthy",
      "Indian",
      "Italian",
      "Japanese",
      "Korean",
      "Mexican",
    ]);
    expect(cuisinesOf([...demo, restaurant({ id: "another-italian", cuisine: "Italian" })])).toHaveLength(7);
  });
});
