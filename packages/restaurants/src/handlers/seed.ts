import { randomUUID } from "node:crypto";
import { seedDemoCatalog } from "../demo/seed";
import { createService } from "../wiring";

/** Local mode's demo restaurants and menus (registry `seed`); republishes the catalog when already there. */
export const handler = async (): Promise<string> => {
  const out = await seedDemoCatalog(createService(), `seed-${randomUUID()}`);
  return out.seeded
    ? `seeded ${out.seeded} demo restaurants`
    : "demo data already present; catalog republished";
};
