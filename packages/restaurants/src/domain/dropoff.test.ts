import { describe, expect, it } from "vitest";
import { dropoffPoint } from "./dropoff";

const bombay = { lat: 37.7655, lng: -122.4218 };
/** Great-circle distance in km. */
const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

describe("dropoffPoint (a stand-in for a geocoder)", () => {
  it("puts the same address on the same point, whatever its case or outer spaces", () => {
    const a = dropoffPoint(bombay, "221 Valencia St, Apt 4, San Francisco");
    expect(dropoffPoint(bombay, "  221 valencia st, apt 4, san francisco ")).toEqual(a);
  });

  it("puts different addresses on different points within about 3 km of the restaurant", () => {
    const points = Array.from({ length: 200 }, (_, i) => dropoffPoint(bombay, `${i} Mission St`));
    expect(new Set(points.map((p) => `${p.lat},${p.lng}`)).size).toBe(200);
    for (const p of points) expect(km(bombay, p)).toBeLessThanOrEqual(3.01);
    // Spread around, not all on one side.
    expect(points.some((p) => p.lat > bombay.lat) && points.some((p) => p.lat < bombay.lat)).toBe(true);
    expect(points.some((p) => p.lng > bombay.lng) && points.some((p) => p.lng < bombay.lng)).toBe(true);
  });

  it("stays a valid point near the poles and the date line", () => {
    for (const origin of [
      { lat: 89.99, lng: 179.99 },
      { lat: -89.99, lng: -179.99 },
    ]) {
      const p = dropoffPoint(origin, "anywhere");
      expect(p.lat).toBeGreaterThanOrEqual(-90);
      expect(p.lat).toBeLessThanOrEqual(90);
      expect(p.lng).toBeGreaterThanOrEqual(-180);
      expect(p.lng).toBeLessThan(180);
    }
  });
});
