/** What the system tests share: the running stack's addresses, every procedure, and demo sign-in. */
import { createAuthRouter } from "@tiffin/auth/router";
import { loginWithPassword, registerCustomer } from "@tiffin/auth/testing";
import { createOrdersRouter } from "@tiffin/orders/router";
import { createRestaurantsRouter } from "@tiffin/restaurants/router";
import { inject } from "vitest";
import type { ProcedureKind } from "./trpc-http";

export const apiBase = inject("apiBase");
export const issuer = inject("issuer");
export const DEMO_PASSWORD = "tiffin-demo-pass";
const redirectUri = `${apiBase}/auth/callback`;

// Building a router only declares procedures; nothing is called, so no service is needed.
const unused = {} as never;
const routers = {
  restaurants: createRestaurantsRouter(unused),
  orders: createOrdersRouter(unused),
  auth: createAuthRouter(),
};

/** Every procedure of every router, read from the routers themselves (`orders.place`, …). */
export const procedures = Object.entries(routers).flatMap(([service, r]) =>
  Object.entries(r._def.procedures as Record<string, { _def: { type: ProcedureKind } }>).map(([name, p]) => ({
    path: `${service}.${name}`,
    kind: p._def.type,
  })),
);

/** An access token from the real issuer, through its real password form. */
export const accessTokenOf = async (email: string, password = DEMO_PASSWORD): Promise<string> =>
  (await loginWithPassword({ issuer, email, password, redirectUri })).access;

/** Registers a brand-new customer (code read from the dev mailbox) and returns their access token. */
export const newCustomerToken = async (email: string): Promise<string> =>
  (await registerCustomer({ issuer, email, password: DEMO_PASSWORD, redirectUri })).access;
