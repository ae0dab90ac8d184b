import type { RestaurantsService } from "../domain/restaurants-service";
import { demoRestaurants } from "./catalog";

/**
 * Seeds the demo restaurants the first time (an existing table is left as it is), then republishes every
 * catalog so replicas in other services converge even if their data was reset.
 */
export const seedDemoCatalog = async (
  svc: RestaurantsService,
  correlationId: string,
): Promise<{ seeded: number; published: number }> => {
  const { restaurants } = await svc.list({});
  let seeded = 0;
  if (restaurants.length === 0) {
    for (const r of demoRestaurants) {
      await svc.saveRestaurant({ ...r, revision: 0 }, correlationId);
      seeded++;
    }
  }
  const published = seeded > 0 ? seeded : await svc.republishCatalog(correlationId);
  return { seeded, published };
};
