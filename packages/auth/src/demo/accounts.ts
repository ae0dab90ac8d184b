import type { Account } from "../domain/accounts";

/** The one password of every demo account (local mode only; documented in the README). */
export const DEMO_PASSWORD = "tiffin-demo-pass";

/*
 * One account per role. Restaurant ids are those of packages/restaurants/src/demo/catalog.ts (copied, not
 * imported: a service never imports another's package). Ids are fixed, so a reset of local data gives
 * the same subjects back.
 */
export const demoAccounts: Omit<Account, "createdAt">[] = [
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000001",
    email: "customer@tiffin.test",
    name: "Casey Customer",
    role: "customer",
    restaurants: [],
  },
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000002",
    email: "owner@bombay.tiffin.test",
    name: "Priya (Bombay Tiffin House)",
    role: "restaurant",
    restaurants: [{ id: "bombay-tiffin-house", role: "owner" }],
  },
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000003",
    email: "marco@nonna.tiffin.test",
    name: "Marco (Nonna Rosa)",
    role: "restaurant",
    restaurants: [{ id: "nonna-rosa", role: "owner" }],
  },
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000004",
    email: "giulia@nonna.tiffin.test",
    name: "Giulia (Nonna Rosa)",
    role: "restaurant",
    restaurants: [{ id: "nonna-rosa", role: "staff" }],
  },
  ...[1, 2, 3].map(
    (n): Omit<Account, "createdAt"> => ({
      id: `5b0c2f4e-8d1a-4c3b-9e6f-00000000001${n}`,
      email: `courier${n}@tiffin.test`,
      name: `Courier ${n}`,
      role: "courier",
      restaurants: [],
    }),
  ),
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000021",
    email: "agent@tiffin.test",
    name: "Alex (Support)",
    role: "agent",
    restaurants: [],
  },
  {
    id: "5b0c2f4e-8d1a-4c3b-9e6f-000000000031",
    email: "operator@tiffin.test",
    name: "Olu (Operations)",
    role: "operator",
    restaurants: [],
  },
];
