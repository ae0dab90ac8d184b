import type { Metadata } from "next";
import { RestaurantMenu } from "./restaurant-menu";

export const metadata: Metadata = { title: "Menu" };

export default async function RestaurantPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <RestaurantMenu slug={slug} />;
}
