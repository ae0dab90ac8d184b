import type { Metadata } from "next";
import { Suspense } from "react";
import { KitchenDashboard } from "./kitchen-dashboard";

export const metadata: Metadata = { title: "Kitchen orders" };

export default function RestaurantDashboardPage() {
  return (
    <Suspense>
      <KitchenDashboard />
    </Suspense>
  );
}
