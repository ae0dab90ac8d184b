import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { LiveAnnouncer } from "@/components/live-announcer";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tiffin · Food delivery from local restaurants", template: "%s · Tiffin" },
  description: "Order dinner from the neighbourhood restaurants you love, delivered to your door.",
  applicationName: "Tiffin",
};

export const viewport: Viewport = {
  themeColor: "#c2410c",
  colorScheme: "light",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can stamp this response's CSP nonce on its scripts (src/proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-stone-50 font-sans text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-stone-900 px-4 py-3 font-semibold text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
        >
          Skip to content
        </a>
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <LiveAnnouncer />
      </body>
    </html>
  );
}
