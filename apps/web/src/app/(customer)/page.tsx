import type { Metadata } from "next";
import { Suspense } from "react";
import { loadRestaurantList } from "@/catalog/server";
import { RestaurantBrowser } from "./restaurant-browser";

interface HomeProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: HomeProps): Promise<Metadata> {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim() : "";
  return query ? { title: `“${query.slice(0, 80)}”: restaurants and dishes` } : {};
}

/**
 * Server-rendered from the cached catalog (src/catalog/server.ts): the restaurants are in the HTML, and
 * while the restaurants service is down the last good list is still served.
 */
export default async function HomePage() {
  const list = await loadRestaurantList();
  return (
    <Suspense>
      <RestaurantBrowser initial={list.status === "ok" ? list.data : null} />
    </Suspense>
  );
}
