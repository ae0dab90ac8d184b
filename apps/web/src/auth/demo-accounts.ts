import "server-only";
import { roleLabels } from "@tiffin/kit/actor";

/**
 * The demo accounts local mode seeds (packages/auth), listed on the sign-in page only when
 * TIFFIN_SHOW_DEMO_ACCOUNTS=1. Server-only: the password must never be part of a client bundle.
 */
export const DEMO_PASSWORD = "tiffin-demo-pass";

export const demoAccounts: { email: string; role: string; can: string }[] = [
  { email: "customer@tiffin.test", role: roleLabels.customer, can: "Orders food and follows its orders." },
  {
    email: "owner@bombay.tiffin.test",
    role: `${roleLabels.restaurant} (owner)`,
    can: "Sees Bombay Tiffin House's incoming orders.",
  },
  {
    email: "marco@nonna.tiffin.test",
    role: `${roleLabels.restaurant} (owner)`,
    can: "Sees Nonna Rosa's orders.",
  },
  { email: "giulia@nonna.tiffin.test", role: roleLabels.restaurant, can: "Sees Nonna Rosa's orders." },
  { email: "courier1@tiffin.test", role: roleLabels.courier, can: "Courier tools are coming soon." },
  { email: "courier2@tiffin.test", role: roleLabels.courier, can: "Courier tools are coming soon." },
  { email: "courier3@tiffin.test", role: roleLabels.courier, can: "Courier tools are coming soon." },
  { email: "agent@tiffin.test", role: roleLabels.agent, can: "Support tools are coming soon." },
  { email: "operator@tiffin.test", role: roleLabels.operator, can: "Operations tools are coming soon." },
];
