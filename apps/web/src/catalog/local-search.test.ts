import { describe, expect, it } from "vitest";
import { searchLocally } from "./local-search";

const listed = [
  {
    name: "Bombay Tiffin House",
    cuisine: "Indian",
    description: "Curries and tandoor breads.",
    isOpen: true,
  },
  { name: "Nonna Rosa", cuisine: "Italian", description: "Wood-fired pizza and fresh pasta.", isOpen: true },
  { name: "Crêperie Soleil", cuisine: "French", description: "Galettes and crêpes.", isOpen: false },
];
const names = (filters: Parameters<typeof searchLocally>[1]) =>
  searchLocally(listed, filters).map((r) => r.name);

describe("searchLocally", () => {
  it("keeps everything, in the service's order, without filters", () => {
    expect(names({ q: "", cuisine: "", open: false })).toEqual([
      "Bombay Tiffin House",
      "Nonna Rosa",
      "Crêperie Soleil",
    ]);
  });

  it("filters by cuisine (any case) and by open now, as the service does", () => {
    expect(names({ q: "", cuisine: "italian", open: false })).toEqual(["Nonna Rosa"]);
    expect(names({ q: "", cuisine: "", open: true })).toEqual(["Bombay Tiffin House", "Nonna Rosa"]);
    expect(names({ q: "", cuisine: "French", open: true })).toEqual([]);
  });

  it("matches every word in names, cuisines and descriptions, ignoring accents", () => {
    expect(names({ q: "pizza", cuisine: "", open: false })).toEqual(["Nonna Rosa"]);
    expect(names({ q: "creperie", cuisine: "", open: false })).toEqual(["Crêperie Soleil"]);
    expect(names({ q: "  indian   CURRIES ", cuisine: "", open: false })).toEqual(["Bombay Tiffin House"]);
    expect(names({ q: "indian pizza", cuisine: "", open: false })).toEqual([]);
  });
});
