/**
 * Who a signed-in person is: the one schema of the account a token carries. The issuer signs it, every
 * service's token verifier checks it, and the web app parses it from `/auth/session` in the browser, so
 * this module imports nothing but zod (no jose, no OpenAuth) and stays out of the way of the client bundle.
 */
import { z } from "zod";

export const roles = ["customer", "restaurant", "courier", "agent", "operator"] as const;
export type Role = (typeof roles)[number];

export const Actor = z.object({
  /** Stable account id (the token subject). */
  id: z.string().min(1),
  email: z.email(),
  name: z.string(),
  role: z.enum(roles),
  /** For restaurant staff: the restaurants they work for, and as what. */
  restaurants: z.array(z.object({ id: z.string(), role: z.enum(["owner", "staff"]) })),
});
export type Actor = z.infer<typeof Actor>;

/** How a role is named to people (account menus, notices, refusals). */
export const roleLabels: Record<Role, string> = {
  customer: "Customer",
  restaurant: "Restaurant staff",
  courier: "Courier",
  agent: "Support agent",
  operator: "Operator",
};

/** "a customer account", "an operator account": a role as a refusal names it. */
export const roleAccount = (role: Role): string => {
  const label = roleLabels[role].toLowerCase();
  return `${/^[aeiou]/.test(label) ? "an" : "a"} ${label} account`;
};
