import { type AnyTRPCRouter, getTRPCErrorShape, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Actor } from "../actor";
import { createLogger } from "../logger";
import type { Context } from "../trpc";

/*
 * Router tests call procedures in-process with `createCaller`. A caller throws the raw TRPCError; the
 * browser instead receives the shape the kit's error formatter makes of it. `refusalOf` returns both, so
 * tests assert the code AND the message a person actually reads.
 */

/** The error body a client receives (the formatter's output), parsed rather than trusted. */
const ClientErrorShape = z.object({
  message: z.string(),
  code: z.number(),
  data: z
    .object({
      code: z.string(),
      httpStatus: z.number(),
      fieldErrors: z.record(z.string(), z.string()),
    })
    .loose(),
});
export type ClientErrorShape = z.infer<typeof ClientErrorShape>;

export interface Refusal {
  code: TRPCError["code"];
  /** What the client is shown. */
  message: string;
  fieldErrors: Record<string, string>;
  shape: ClientErrorShape;
}

export const refusalOf = async (
  router: AnyTRPCRouter,
  ctx: Context,
  call: Promise<unknown>,
): Promise<Refusal> => {
  const error = await call.then(
    (value: unknown) =>
      new Error(`expected the call to be refused, but it returned ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const shape = ClientErrorShape.parse(
    getTRPCErrorShape({
      config: router._def._config,
      error,
      type: "unknown",
      path: undefined,
      input: undefined,
      ctx,
    }),
  );
  return { code: error.code, message: shape.message, fieldErrors: shape.data.fieldErrors, shape };
};

/** A verified caller, as the kit builds it from a token. */
export const anActor = (overrides: Partial<Actor> = {}): Actor => ({
  id: "customer-1",
  email: "asha@example.com",
  name: "Asha",
  role: "customer",
  restaurants: [],
  ...overrides,
});
export const aCustomer = (id = "customer-1"): Actor => anActor({ id, email: `${id}@example.com` });
export const staffOf = (...restaurantIds: string[]): Actor =>
  anActor({
    id: `staff-${restaurantIds.join("-")}`,
    email: "staff@example.com",
    role: "restaurant",
    restaurants: restaurantIds.map((id) => ({ id, role: "owner" as const })),
  });

/** The request context the API handler builds; its logger is silenced so test output stays readable. */
export const contextFor = (service: string, correlationId: string, actor: Actor | null): Context => {
  const logger = createLogger(`${service}-test`);
  logger.setLogLevel("SILENT");
  return { correlationId, logger, actor: actor ?? undefined };
};
