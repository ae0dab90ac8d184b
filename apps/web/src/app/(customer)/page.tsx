import type { Metadata } from "next";
import { Suspense } from "react";
import { RestaurantBrowser } from "./restaurant-browser";

interface HomeProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ searchParams }: HomeProps): Promise<Metadata> {
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim() : "";
  return query ? { title: `“${query.slice(0, 80)}”: restaurants and dishes` } : {};
}

export default function HomePage() {
  return (
    <Suspense>
      <RestaurantBrowser />
    </Suspense>
  );
}
