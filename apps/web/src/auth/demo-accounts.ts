import "server-only";

/**
 * The demo accounts local mode seeds (packages/auth), listed on the sign-in page only when
 * TIFFIN_SHOW_DEMO_ACCOUNTS=1. Server-only: the password must never be part of a client bundle.
 */
export const DEMO_PASSWORD = "tiffin-demo-pass";

export const demoAccounts: { email: string; role: string; can: string }[] = [
  { email: "customer@tiffin.test", role: "Customer", can: "Orders food and follows its orders." },
  {
    email: "owner@bombay.tiffin.test",
    role: "Restaurant staff (owner)",
    can: "Sees Bombay Tiffin House's incoming orders.",
  },
  { email: "marco@nonna.tiffin.test", role: "Restaurant staff (owner)", can: "Sees Nonna Rosa's orders." },
  { email: "giulia@nonna.tiffin.test", role: "Restaurant staff", can: "Sees Nonna Rosa's orders." },
  { email: "courier1@tiffin.test", role: "Courier", can: "Courier tools are coming soon." },
  { email: "courier2@tiffin.test", role: "Courier", can: "Courier tools are coming soon." },
  { email: "courier3@tiffin.test", role: "Courier", can: "Courier tools are coming soon." },
  { email: "agent@tiffin.test", role: "Support agent", can: "Support tools are coming soon." },
  { email: "operator@tiffin.test", role: "Operator", can: "Operations tools are coming soon." },
];
