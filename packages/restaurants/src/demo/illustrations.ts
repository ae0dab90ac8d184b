import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { demoRestaurants } from "./catalog";

/*
 * Drawings for the demo data, made here because no photo library can be downloaded: a plate in the
 * restaurant's colour with simple shapes and the dish's initial, one per restaurant (a cover) and one per
 * dish. Deterministic (the shapes come from a hash of the id), small (a few hundred bytes of SVG each) and
 * text-free apart from one initial, so nothing depends on an emoji font. The web app serves the files
 * written by `npx tsx packages/restaurants/src/demo/illustrations.ts` from apps/web/public/illustrations/;
 * a test checks the committed files are what this code draws.
 */

/** FNV-1a: a small stable hash, so the same dish always gets the same drawing. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

/** A sequence of numbers in [0, 1) from a seed (mulberry32). */
const randoms = (seed: number) => {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
/** `hex` mixed with white (amount > 0) or black (amount < 0). */
const shade = (hex: string, amount: number) =>
  toHex(channels(hex).map((c) => (amount >= 0 ? c + (255 - c) * amount : c * (1 + amount))));

const round = (n: number) => Math.round(n * 10) / 10;

/** What sits on the plate, by the kind of dish its section suggests. */
type Food = "bowl" | "flat" | "round" | "sweet" | "greens" | "drink";
const foodOf = (section: string): Food => {
  const s = section.toLowerCase();
  if (/dessert|sweet|pastr|cake|viennois/.test(s)) return "sweet";
  if (/drink|juice|coffee|tea|beverage/.test(s)) return "drink";
  if (/salad|bowl|side|small/.test(s)) return "greens";
  if (/bread|taco|pizza|tandoor|burrito/.test(s)) return "flat";
  if (/rice|ramen|noodle|curr|soup|bibim|don/.test(s)) return "bowl";
  return "round";
};

const foodShapes = (food: Food, accent: string, next: () => number): string => {
  const deep = shade(accent, -0.35);
  const warm = shade(accent, 0.25);
  const dots = Array.from({ length: 5 }, () => {
    const angle = next() * Math.PI * 2;
    const r = 18 + next() * 36;
    return `<circle cx="${round(120 + Math.cos(angle) * r)}" cy="${round(120 + Math.sin(angle) * r)}" r="${round(4 + next() * 5)}" fill="${next() > 0.5 ? "#fef3c7" : "#65a30d"}"/>`;
  }).join("");
  switch (food) {
    case "bowl":
      return `<circle cx="120" cy="120" r="62" fill="${deep}"/><circle cx="120" cy="120" r="52" fill="${accent}"/>${dots}`;
    case "flat":
      return `<ellipse cx="120" cy="120" rx="70" ry="46" fill="#f5d0a9" transform="rotate(${round(next() * 40 - 20)} 120 120)"/><ellipse cx="120" cy="120" rx="54" ry="32" fill="${accent}" opacity="0.85"/>${dots}`;
    case "sweet":
      return `<rect x="78" y="84" width="84" height="72" rx="14" fill="${warm}"/><rect x="78" y="84" width="84" height="22" rx="11" fill="${deep}"/><circle cx="120" cy="78" r="10" fill="#dc2626"/>`;
    case "greens":
      return `<circle cx="120" cy="120" r="58" fill="#bbf7d0"/><circle cx="98" cy="108" r="20" fill="#4ade80"/><circle cx="140" cy="112" r="18" fill="#16a34a"/><circle cx="118" cy="142" r="17" fill="${accent}"/>${dots}`;
    case "drink":
      return `<path d="M92 70 h56 l-8 100 h-40 z" fill="${warm}" stroke="${deep}" stroke-width="4"/><rect x="116" y="50" width="6" height="40" rx="3" fill="${deep}"/>`;
    case "round":
      return `<circle cx="120" cy="120" r="54" fill="${accent}"/><circle cx="120" cy="120" r="38" fill="${warm}"/>${dots}`;
  }
};

const initialOf = (name: string) => (name.trim()[0] ?? "·").toUpperCase();

/** One dish: a 240×240 plate on a tinted ground, with the dish's initial on a tab. */
/** The drawing's own text alternative, for anyone who opens the file itself (pages give `alt`). */
const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const dishSvg = (dish: { id: string; name: string }, section: string, accent: string): string => {
  const next = randoms(hash(dish.id));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">`,
    `<title>${xmlText(dish.name)}</title>`,
    `<rect width="240" height="240" fill="${shade(accent, 0.82)}"/>`,
    `<circle cx="120" cy="124" r="92" fill="${shade(accent, 0.6)}"/>`,
    `<circle cx="120" cy="120" r="90" fill="#ffffff"/><circle cx="120" cy="120" r="74" fill="none" stroke="${shade(accent, 0.7)}" stroke-width="3"/>`,
    foodShapes(foodOf(section), accent, next),
    `<rect x="14" y="14" width="40" height="40" rx="12" fill="${shade(accent, -0.45)}"/>`,
    `<text x="34" y="42" text-anchor="middle" font-family="system-ui,sans-serif" font-size="24" font-weight="700" fill="#ffffff">${initialOf(dish.name)}</text>`,
    "</svg>",
  ].join("");
};

/** A restaurant's cover: 640×320, its colour, three plates of its kinds of food across the middle. */
export const restaurantSvg = (r: { id: string; name: string; accent: string; menu: { name: string }[] }) => {
  const next = randoms(hash(r.id));
  const sections = r.menu.map((c) => c.name);
  const plate = (x: number, y: number, scale: number, section: string) =>
    `<g transform="translate(${x} ${y}) scale(${scale}) translate(-120 -120)"><circle cx="120" cy="126" r="92" fill="${shade(r.accent, -0.25)}" opacity="0.35"/><circle cx="120" cy="120" r="90" fill="#ffffff"/>${foodShapes(foodOf(section), r.accent, next)}</g>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320" width="640" height="320">`,
    `<title>${xmlText(r.name)}</title>`,
    `<rect width="640" height="320" fill="${shade(r.accent, 0.55)}"/>`,
    `<circle cx="120" cy="60" r="140" fill="${shade(r.accent, 0.7)}"/><circle cx="560" cy="300" r="160" fill="${shade(r.accent, 0.35)}"/>`,
    plate(170, 170, 0.9, sections[1] ?? sections[0] ?? ""),
    plate(470, 170, 0.9, sections[2] ?? sections[0] ?? ""),
    plate(320, 160, 1.25, sections[0] ?? ""),
    "</svg>",
  ].join("");
};

/** Every drawing of the demo data: its path under the web app's public folder, and its SVG. */
export const demoIllustrations = (): { path: string; svg: string }[] =>
  demoRestaurants.flatMap((r) => [
    { path: `illustrations/restaurants/${r.id}.svg`, svg: restaurantSvg(r) },
    ...r.menu.flatMap((c) =>
      c.items.map((i) => ({
        path: `illustrations/dishes/${r.id}/${i.id}.svg`,
        svg: dishSvg(i, c.name, r.accent),
      })),
    ),
  ]);

export const publicDir = join(import.meta.dirname, "..", "..", "..", "..", "apps", "web", "public");

if (process.argv[1] === import.meta.filename) {
  for (const { path, svg } of demoIllustrations()) {
    const file = join(publicDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${svg}\n`);
  }
  console.info(`wrote ${demoIllustrations().length} illustrations under ${publicDir}/illustrations`);
}
