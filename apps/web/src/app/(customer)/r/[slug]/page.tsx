import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadRestaurant } from "@/catalog/server";
import { MenuUnavailable } from "./menu-unavailable";
import { RestaurantMenu } from "./restaurant-menu";

interface MenuPageProps {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: MenuPageProps): Promise<Metadata> {
  const read = await loadRestaurant((await params).slug);
  if (read.status === "ok") return { title: read.data.name, description: read.data.description };
  return { title: read.status === "not-found" ? "Restaurant not found" : "Menu temporarily unavailable" };
}

/**
 * Server-rendered from the cached catalog (src/catalog/server.ts): the menu is in the HTML, an unknown slug
 * is a 404, and while the restaurants service is down the last good menu is still served.
 */
export default async function RestaurantPage({ params }: MenuPageProps) {
  const { slug } = await params;
  const read = await loadRestaurant(slug);
  if (read.status === "not-found") notFound();
  if (read.status === "unavailable") return <MenuUnavailable />;
  return <RestaurantMenu slug={slug} initial={read.data} />;
}
