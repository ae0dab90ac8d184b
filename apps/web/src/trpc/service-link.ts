import { isServiceName, perService, type ServiceName } from "@tiffin/aws/topology";
import { httpBatchLink, httpLink, splitLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import { newUuid } from "../lib/uuid";
import type { AppRouter } from "./app-router";

export const CORRELATION_HEADER = "x-correlation-id";

/** `orders.place` → `{ service: "orders", path: "place" }`; undefined when no service owns the path. */
export const routeOf = (path: string): { service: ServiceName; path: string } | undefined => {
  const dot = path.indexOf(".");
  const service = path.slice(0, dot);
  if (dot < 1 || dot === path.length - 1 || !isServiceName(service)) return undefined;
  return { service, path: path.slice(dot + 1) };
};

/** The id a caller attached to one operation, e.g. `orders.place` carries one per checkout attempt. */
const correlationIdOf = (context: Record<string, unknown>): string | undefined =>
  typeof context.correlationId === "string" ? context.correlationId : undefined;

type FetchLike = NonNullable<Parameters<typeof httpLink>[0]["fetch"]>;

const endpointLink = (url: string, fetch?: FetchLike): TRPCLink<AppRouter> =>
  splitLink({
    // An operation with its own correlation id is sent alone, so unrelated calls never share its id.
    condition: (op) => correlationIdOf(op.context) !== undefined,
    true: httpLink({
      url,
      fetch,
      transformer: superjson,
      headers: ({ op }) => ({ [CORRELATION_HEADER]: correlationIdOf(op.context) ?? newUuid() }),
    }),
    false: httpBatchLink({
      url,
      fetch,
      // The services refuse a batch of more calls (MAX_BATCH_CALLS in packages/kit/src/batching.ts).
      maxItems: 10,
      transformer: superjson,
      headers: () => ({ [CORRELATION_HEADER]: newUuid() }),
    }),
  });

export interface ServiceLinkOptions {
  /** Where the services are mounted: `/trpc` (same origin) in the browser. */
  baseUrl?: string;
  fetch?: FetchLike;
}

/**
 * Terminating link for the service-oriented backend: the first path segment picks the service, so
 * `restaurants.list` is sent to `${baseUrl}/restaurants` as procedure `list` (batched per service).
 */
export const serviceLink =
  ({ baseUrl = "/trpc", fetch }: ServiceLinkOptions = {}): TRPCLink<AppRouter> =>
  (runtime) => {
    // One link per registered service (the registry is plain data, safe in the browser bundle).
    const links = perService((service) => endpointLink(`${baseUrl}/${service}`, fetch)(runtime));
    return ({ op, next }) => {
      const route = routeOf(op.path);
      if (!route) {
        return observable((observer) =>
          observer.error(new TRPCClientError(`No service serves "${op.path}".`)),
        );
      }
      return links[route.service]({ op: { ...op, path: route.path }, next });
    };
  };
