import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoRestaurants } from "./catalog";
import { demoIllustrations, dishSvg, publicDir } from "./illustrations";

describe("demo illustrations", () => {
  it("are committed exactly as the generator draws them (run it after changing the demo menus)", () => {
    const drawn = demoIllustrations();
    expect(drawn.length).toBe(
      demoRestaurants.length + demoRestaurants.flatMap((r) => r.menu.flatMap((c) => c.items)).length,
    );
    for (const { path, svg } of drawn) {
      expect(readFileSync(join(publicDir, path), "utf8"), path).toBe(`${svg}\n`);
    }
  });

  it("give every demo restaurant and dish a drawing that exists", () => {
    for (const r of demoRestaurants) {
      expect(existsSync(join(publicDir, r.illustration ?? "missing"))).toBe(true);
      for (const item of r.menu.flatMap((c) => c.items)) {
        expect(existsSync(join(publicDir, item.illustration ?? "missing")), item.id).toBe(true);
      }
    }
  });

  it("draw the same dish the same way, and show its initial rather than an emoji", () => {
    const svg = dishSvg({ id: "masala-dosa", name: "masala dosa" }, "Tiffins", "#f59e0b");
    expect(svg).toBe(dishSvg({ id: "masala-dosa", name: "masala dosa" }, "Tiffins", "#f59e0b"));
    expect(svg).toContain(">M</text>");
    expect(/[\u{1F300}-\u{1FAFF}]/u.test(svg)).toBe(false);
    expect(svg.length).toBeLessThan(3000);
  });
});
