import "server-only";
import { cache } from "react";
import { webOrigins } from "@/auth/env";
import type { RestaurantDetail, RestaurantList } from "./types";
import { type CatalogRead, readAnswer } from "./wire";

const DEFAULT_REVALIDATE_SECONDS = 30;
/** A slow service must not hold a page: past this, the last good catalog (or the "unavailable" page) is shown. */
const TIMEOUT_MS = 5_000;
/** The restaurants service's own rule for ids and slugs: anything else cannot be a restaurant. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * `TIFFIN_CATALOG_REVALIDATE_SECONDS` (default 30): how long a catalog read is served from Next's data
 * cache before the next request refreshes it in the background. A refresh that fails keeps the old one.
 */
const revalidateSeconds = (): number => {
  const n = Number(process.env.TIFFIN_CATALOG_REVALIDATE_SECONDS);
  return Number.isInteger(n) && n >= 1 && n <= 86_400 ? n : DEFAULT_REVALIDATE_SECONDS;
};

/**
 * Where the services' APIs are mounted as seen from this server (server-only): `TIFFIN_API_BASE`, e.g.
 * `http://127.0.0.1:3000/trpc` locally (the local router) or `<Router URL>/trpc` on AWS; without it, the
 * first of `TIFFIN_WEB_ORIGINS` + `/trpc`.
 */
export const apiBase = (): string | undefined => {
  const explicit = process.env.TIFFIN_API_BASE?.trim();
  if (explicit) {
    try {
      const url = new URL(explicit);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href.replace(/\/+$/, "");
    } catch {}
    return undefined;
  }
  const [origin] = webOrigins();
  return origin ? `${origin}/trpc` : undefined;
};

/**
 * One public catalog query, through Next's data cache: the same URL and headers for every visitor (no
 * cookies, no correlation id), so all of them share one cached answer. Only a 200 is ever cached.
 */
const read = async <T>(procedure: string, input?: unknown): Promise<CatalogRead<T>> => {
  const base = apiBase();
  if (!base) return { status: "unavailable", reason: "TIFFIN_API_BASE is not set" };
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const url = `${base}/restaurants/${procedure}${query}`;
  let out: CatalogRead<T>;
  try {
    const res = await fetch(url, {
      headers: { accept: "application/json" },
      next: { revalidate: revalidateSeconds() },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    out = readAnswer<T>(res.status, await res.json().catch(() => undefined));
  } catch (error) {
    out = { status: "unavailable", reason: error instanceof Error ? error.message : String(error) };
  }
  if (out.status === "unavailable") {
    console.warn(
      JSON.stringify({ level: "WARN", message: "catalog read failed", procedure, reason: out.reason }),
    );
  }
  return out;
};

/** Every restaurant (open first, then by rating) and the cuisines, for the home page. */
export const loadRestaurantList = cache(() => read<RestaurantList>("list"));

/** One restaurant with its menu; memoised per request, so metadata and page share one read. */
export const loadRestaurant = cache(
  (slug: string): Promise<CatalogRead<RestaurantDetail>> =>
    SLUG.test(slug) ? read<RestaurantDetail>("bySlug", { slug }) : Promise.resolve({ status: "not-found" }),
);
