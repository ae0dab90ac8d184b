/**
 * The platform's AWS resources, defined once. `infra/*.ts` passes these to SST constructs for a deploy;
 * `provision.ts` creates the same tables, queues, topic and subscriptions on the local emulators.
 * This file must stay plain data (no imports): SST's config bundler and Node both load it.
 */

/** Shape accepted by both `sst.aws.Dynamo` and the local provisioner. */
export interface TableDefinition {
  fields: Record<string, "string" | "number" | "binary">;
  primaryIndex: { hashKey: string; rangeKey?: string };
  globalIndexes?: Record<string, { hashKey: string; rangeKey?: string }>;
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes such items eventually (TTL). */
  ttl?: string;
}

/**
 * How a consumer retries a message after a transient failure (a dependency unreachable, throttled or timed
 * out): it hides the message for `firstBackoffSeconds` after the first failed receive, doubling after each
 * further one, capped at `maxBackoffSeconds` (SQS ChangeMessageVisibility on that record).
 */
export interface RetryPolicy {
  firstBackoffSeconds: number;
  maxBackoffSeconds: number;
}

export interface QueueDefinition {
  /** Seconds a received message stays hidden; at least 6x the consumer's timeout (AWS guidance). */
  visibilityTimeoutSeconds: number;
  /**
   * Receives before SQS moves a message to the dead-letter queue. With `retry`, this bounds how long an
   * outage the queue rides out (`outageToleranceSeconds`); a message that breaks its contract does not wait
   * for it: the consumer dead-letters it on its first receive.
   */
  maxReceiveCount: number;
  retry: RetryPolicy;
  /** Name of this queue's dead-letter queue (also a resource). */
  deadLetterQueue: string;
  /** Days a dead letter is kept, so an operator has time to look at it and redrive it. */
  deadLetterRetentionDays: number;
  /** When set, the queue is subscribed to this SNS topic for these event types. */
  subscription?: { topic: TopicName; eventTypes: readonly string[] };
  /**
   * Which service consumes the queue, the handler module under `src/handlers/`, and what the consumer
   * function is linked to besides this queue and its dead-letter queue (which every consumer gets: it
   * delays retries on the one and dead-letters poison messages to the other).
   */
  consumer: {
    service: ServiceName;
    handler: string;
    timeoutSeconds: number;
    batchSize: number;
    /** Resource names (checked against `ResourceName` below: the type cannot name queues here). */
    links: readonly string[];
  };
}

/** Seconds a message stays hidden after its `receiveCount`-th receive failed. */
export const backoffSeconds = (retry: RetryPolicy, receiveCount: number): number =>
  Math.min(retry.maxBackoffSeconds, retry.firstBackoffSeconds * 2 ** Math.max(0, receiveCount - 1));

/**
 * How long a dependency may be down before a message in flight is dead-lettered: the backoffs after every
 * receive but the last (a message is processed if its dependency is back by its last receive).
 */
export const outageToleranceSeconds = (def: Pick<QueueDefinition, "retry" | "maxReceiveCount">): number => {
  let total = 0;
  for (let receive = 1; receive < def.maxReceiveCount; receive++) total += backoffSeconds(def.retry, receive);
  return total;
};

/** 10 s, 20 s, 40 s … capped at 15 min; 10 receives ride out about 50 minutes of outage. */
const outageRetry = {
  maxReceiveCount: 10,
  retry: { firstBackoffSeconds: 10, maxBackoffSeconds: 15 * 60 },
} as const;

export const tables = {
  RestaurantsTable: {
    fields: { pk: "string", sk: "string", gsi1pk: "string", gsi1sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    globalIndexes: { gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" } },
  },
  OrdersTable: {
    fields: { pk: "string", sk: "string", gsi1pk: "string", gsi1sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    globalIndexes: { gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" } },
  },
  /** Accounts, login throttling, the dev mailbox, and OpenAuth's own storage (the key design OpenAuth's
   * DynamoStorage expects: pk/sk strings, TTL attribute `expiry`). */
  AuthTable: {
    fields: { pk: "string", sk: "string" },
    primaryIndex: { hashKey: "pk", rangeKey: "sk" },
    ttl: "expiry",
  },
} as const satisfies Record<string, TableDefinition>;

export const topics = {
  /** Fan-out of domain events (catalog changes now; order and delivery status later). */
  DomainEvents: {},
} as const;

/** An S3 bucket: locally created on fauxqs's S3, on AWS an `sst.aws.Bucket`. */
export interface BucketDefinition {
  /** Path under which the Router serves the bucket's objects (GET only), e.g. `/media/<key>`. */
  servedAt: string;
}

export const buckets = {
  /** Menu photos: uploaded from the browser with a presigned POST, checked by restaurants, served at /media. */
  MediaBucket: { servedAt: "/media" },
} as const satisfies Record<string, BucketDefinition>;

export const queues = {
  /** orders -> restaurants: every placed order becomes a kitchen ticket. */
  FulfillmentQueue: {
    visibilityTimeoutSeconds: 60,
    ...outageRetry,
    deadLetterQueue: "FulfillmentDLQ",
    deadLetterRetentionDays: 14,
    consumer: {
      service: "restaurants",
      handler: "fulfillment",
      timeoutSeconds: 10,
      batchSize: 10,
      // The restaurants wiring builds its catalog publisher (DomainEvents) even where nothing is published.
      links: ["RestaurantsTable", "DomainEvents"],
    },
  },
  /** restaurants -> orders (via DomainEvents): menus and store state for orders' price replica. */
  OrdersInbox: {
    visibilityTimeoutSeconds: 60,
    ...outageRetry,
    deadLetterQueue: "OrdersInboxDLQ",
    deadLetterRetentionDays: 14,
    subscription: {
      topic: "DomainEvents",
      eventTypes: [
        "restaurant.catalog-published",
        "ticket.accepted",
        "ticket.rejected",
        "ticket.ready",
        "ticket.withdrawn",
      ],
    },
    consumer: {
      service: "orders",
      handler: "inbox",
      timeoutSeconds: 10,
      batchSize: 10,
      // The orders wiring builds its event sender (FulfillmentQueue, DomainEvents) even where nothing is sent.
      links: ["OrdersTable", "FulfillmentQueue", "DomainEvents"],
    },
  },
  /** orders -> restaurants (via DomainEvents): cancel requests; the kitchen ticket decides the race. */
  RestaurantsInbox: {
    visibilityTimeoutSeconds: 60,
    ...outageRetry,
    deadLetterQueue: "RestaurantsInboxDLQ",
    deadLetterRetentionDays: 14,
    subscription: { topic: "DomainEvents", eventTypes: ["order.cancel-requested"] },
    consumer: {
      service: "restaurants",
      handler: "inbox",
      timeoutSeconds: 10,
      batchSize: 10,
      // Withdrawing a ticket publishes ticket.withdrawn (outbox, then DomainEvents).
      links: ["RestaurantsTable", "DomainEvents"],
    },
  },
} as const satisfies Record<string, QueueDefinition>;

/**
 * The OpenAuth issuer, deployed by `sst.aws.Auth` under this resource name. Every service links it: its
 * URL (`Resource.Auth.url`) is where each one fetches the keys it verifies tokens with.
 */
export const ISSUER_RESOURCE = "Auth";

/**
 * Each function is linked only to what its code reads (a link becomes `Resource.<Name>` and grants the
 * function rights on that resource): the API, each consumer and each schedule have their own list.
 */
export interface ServiceDefinition {
  table: TableName;
  /**
   * Demo data for local mode: a handler module under `src/handlers/` exporting `handler(): Promise<string>`
   * (one line saying what it did). The local stack runs it, in registry order, once every service is up.
   */
  seed?: { handler: string };
  /** The service's tRPC API function. */
  api: { links: readonly ResourceName[] };
  /** Scheduled jobs: handler module under `src/handlers/`, how often it runs, and its links. */
  schedules: readonly {
    handler: string;
    everyMinutes: number;
    localEverySeconds: number;
    links: readonly ResourceName[];
  }[];
  memoryMb: number;
  /** Reserved concurrency: one service's load cannot starve another's. */
  concurrency: number;
  /** The service also runs the OpenAuth issuer: handler module under `src/handlers/`, on its own URL. */
  issuer?: { handler: string; memoryMb: number; concurrency: number; links: readonly ResourceName[] };
}

/**
 * The registry: every service, once. Infra (one Lambda API, consumers and schedules each), the Router
 * mounts, the web app's per-service link, the local stack's processes, ports and seeds, and the system
 * tests' procedure list all derive from this tuple and `services` below. Adding a service is its package
 * plus its entry here (`npm run new:service -- <name>` writes both); `satisfies` below makes a missing or
 * extra definition a type error.
 */
export const serviceNames = ["restaurants", "orders", "auth"] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Builds a record with one value per registered service (what `Object.fromEntries` cannot type). */
export const perService = <T>(value: (service: ServiceName) => T): Record<ServiceName, T> => {
  const out: Partial<Record<ServiceName, T>> = {};
  for (const service of serviceNames) out[service] = value(service);
  return out as Record<ServiceName, T>;
};

export const isServiceName = (name: string): name is ServiceName =>
  (serviceNames as readonly string[]).includes(name);

export const services = {
  restaurants: {
    table: "RestaurantsTable",
    seed: { handler: "seed" },
    // MediaBucket: presigned photo uploads, and the checks before a photo is attached.
    api: { links: ["RestaurantsTable", "DomainEvents", "MediaBucket", ISSUER_RESOURCE] },
    // The outbox relay publishes the catalog snapshots and ticket events a failed publish left unsent;
    // ticket-timeouts rejects the new tickets nobody answered in TICKET_ANSWER_MINUTES (not_answered).
    schedules: [
      {
        handler: "outbox-relay",
        everyMinutes: 1,
        localEverySeconds: 2,
        links: ["RestaurantsTable", "DomainEvents"],
      },
      // Hourly re-announcement of every catalog, so a replica that missed an event heals by itself.
      {
        handler: "catalog-republish",
        everyMinutes: 60,
        localEverySeconds: 600,
        links: ["RestaurantsTable", "DomainEvents"],
      },
      {
        handler: "ticket-timeouts",
        everyMinutes: 1,
        localEverySeconds: 2,
        links: ["RestaurantsTable", "DomainEvents"],
      },
    ],
    memoryMb: 512,
    concurrency: 50,
  },
  orders: {
    table: "OrdersTable",
    // order.placed goes to the FulfillmentQueue, order.cancel-requested (and later events) to DomainEvents.
    api: { links: ["OrdersTable", "FulfillmentQueue", "DomainEvents", ISSUER_RESOURCE] },
    // The outbox relay sends whatever a crashed request saved but did not send.
    schedules: [
      {
        handler: "outbox-relay",
        everyMinutes: 1,
        localEverySeconds: 2,
        links: ["OrdersTable", "FulfillmentQueue", "DomainEvents"],
      },
    ],
    memoryMb: 512,
    concurrency: 50,
  },
  auth: {
    table: "AuthTable",
    seed: { handler: "seed" },
    // `me` only verifies tokens; `revokeSessions` (operators) deletes an account's refresh records in AuthTable.
    api: { links: ["AuthTable", ISSUER_RESOURCE] },
    schedules: [],
    memoryMb: 256,
    concurrency: 20,
    // scrypt (password hashing) wants CPU, and Lambda's CPU grows with memory.
    issuer: { handler: "issuer", memoryMb: 1024, concurrency: 20, links: ["AuthTable"] },
  },
} as const satisfies Record<ServiceName, ServiceDefinition>;

/** The same registry, read through its interface (optional parts such as `seed` or `issuer`, without casts). */
export const serviceDefinitions: Readonly<Record<ServiceName, ServiceDefinition>> = services;

export type TableName = keyof typeof tables;
export type QueueName = keyof typeof queues;
export type TopicName = keyof typeof topics;
export type DeadLetterQueueName = (typeof queues)[QueueName]["deadLetterQueue"];
export type BucketName = keyof typeof buckets;
export type ResourceName =
  | TableName
  | QueueName
  | DeadLetterQueueName
  | TopicName
  | BucketName
  | typeof ISSUER_RESOURCE;
type ConsumerLink = (typeof queues)[QueueName]["consumer"]["links"][number];
/** Fails to compile when a consumer links something that is not a resource. */
export const consumerLinksAreResources: ConsumerLink extends ResourceName ? true : never = true;

/** Dead-letter queue names, derived so they cannot drift from the queues that use them. */
export const deadLetterQueues = Object.values(queues).map((q) => q.deadLetterQueue);
