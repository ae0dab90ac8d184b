/** What the system tests share: the running stack's addresses, every procedure, and demo sign-in. */

import { loginWithPassword, registerCustomer } from "@tiffin/auth/testing";
import { serviceNames } from "@tiffin/aws/topology";
import { inject } from "vitest";
import type { ProcedureKind } from "./trpc-http";

export const apiBase = inject("apiBase");
export const issuer = inject("issuer");
export const DEMO_PASSWORD = "tiffin-demo-pass";
const redirectUri = `${apiBase}/auth/callback`;

type AnyRouter = { _def: { procedures: Record<string, { _def: { type: ProcedureKind } }> } };

/**
 * Every service's router, found through the registry: each service exports `./router` with one
 * `create<Name>Router` factory. Building a router only declares procedures; nothing is called, so no service
 * is needed. A service without that export fails here, so it can never drop out of the matrix silently.
 */
const routerOf = async (service: string): Promise<AnyRouter> => {
  const mod = (await import(`@tiffin/${service}/router`)) as Record<string, unknown>;
  const factories = Object.entries(mod).filter(
    ([name, value]) => /^create\w*Router$/.test(name) && typeof value === "function",
  );
  const [factory, ...more] = factories;
  if (!factory || more.length) {
    throw new Error(`@tiffin/${service}/router must export exactly one create…Router factory`);
  }
  return (factory[1] as (deps: never) => AnyRouter)({} as never);
};

/** Every procedure of every registered service (`orders.place`, …), read from the routers themselves. */
export const procedures = (
  await Promise.all(
    serviceNames.map(async (service) =>
      Object.entries((await routerOf(service))._def.procedures).map(([name, p]) => ({
        path: `${service}.${name}`,
        kind: p._def.type,
      })),
    ),
  )
).flat();

/** An access token from the real issuer, through its real password form. */
export const accessTokenOf = async (email: string, password = DEMO_PASSWORD): Promise<string> =>
  (await loginWithPassword({ issuer, email, password, redirectUri })).access;

/** Registers a brand-new customer (code read from the dev mailbox) and returns their access token. */
export const newCustomerToken = async (email: string): Promise<string> =>
  (await registerCustomer({ issuer, email, password: DEMO_PASSWORD, redirectUri })).access;
