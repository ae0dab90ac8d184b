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

export interface QueueDefinition {
  /** Seconds a received message stays hidden; at least 6x the consumer's timeout (AWS guidance). */
  visibilityTimeoutSeconds: number;
  /** Receives before a message is moved to the dead-letter queue. */
  maxReceiveCount: number;
  /** Name of this queue's dead-letter queue (also a resource). */
  deadLetterQueue: string;
  /** Days a dead letter is kept, so an operator has time to look at it and redrive it. */
  deadLetterRetentionDays: number;
  /** When set, the queue is subscribed to this SNS topic for these event types. */
  subscription?: { topic: TopicName; eventTypes: readonly string[] };
  /** Which service consumes the queue, and the handler module under `src/handlers/`. */
  consumer: { service: ServiceName; handler: string; timeoutSeconds: number; batchSize: number };
}

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

export const queues = {
  /** orders -> restaurants: every placed order becomes a kitchen ticket. */
  FulfillmentQueue: {
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    deadLetterQueue: "FulfillmentDLQ",
    deadLetterRetentionDays: 14,
    consumer: { service: "restaurants", handler: "fulfillment", timeoutSeconds: 10, batchSize: 10 },
  },
  /** restaurants -> orders (via DomainEvents): menus and store state for orders' price replica. */
  OrdersInbox: {
    visibilityTimeoutSeconds: 60,
    maxReceiveCount: 5,
    deadLetterQueue: "OrdersInboxDLQ",
    deadLetterRetentionDays: 14,
    subscription: { topic: "DomainEvents", eventTypes: ["restaurant.catalog-published"] },
    consumer: { service: "orders", handler: "inbox", timeoutSeconds: 10, batchSize: 10 },
  },
} as const satisfies Record<string, QueueDefinition>;

/**
 * The OpenAuth issuer, deployed by `sst.aws.Auth` under this resource name. Every service links it: its
 * URL (`Resource.Auth.url`) is where each one fetches the keys it verifies tokens with.
 */
export const ISSUER_RESOURCE = "Auth";

export interface ServiceDefinition {
  table: TableName;
  /** Resources the service's functions are linked to (become `Resource.<Name>`). */
  links: readonly ResourceName[];
  /** Scheduled jobs: handler module under `src/handlers/` and how often it runs. */
  schedules: readonly { handler: string; everyMinutes: number; localEverySeconds: number }[];
  memoryMb: number;
  /** Reserved concurrency: one service's load cannot starve another's. */
  concurrency: number;
  /** The service also runs the OpenAuth issuer: handler module under `src/handlers/`, on its own URL. */
  issuer?: { handler: string; memoryMb: number; concurrency: number };
}

export const services = {
  restaurants: {
    table: "RestaurantsTable",
    links: ["RestaurantsTable", "DomainEvents", ISSUER_RESOURCE],
    schedules: [],
    memoryMb: 512,
    concurrency: 50,
  },
  orders: {
    table: "OrdersTable",
    links: ["OrdersTable", "FulfillmentQueue", ISSUER_RESOURCE],
    // The outbox relay sends whatever a crashed request saved but did not send.
    schedules: [{ handler: "outbox-relay", everyMinutes: 1, localEverySeconds: 2 }],
    memoryMb: 512,
    concurrency: 50,
  },
  auth: {
    table: "AuthTable",
    links: ["AuthTable", ISSUER_RESOURCE],
    schedules: [],
    memoryMb: 256,
    concurrency: 20,
    // scrypt (password hashing) wants CPU, and Lambda's CPU grows with memory.
    issuer: { handler: "issuer", memoryMb: 1024, concurrency: 20 },
  },
} as const satisfies Record<string, ServiceDefinition>;

export type TableName = keyof typeof tables;
export type QueueName = keyof typeof queues;
export type TopicName = keyof typeof topics;
export type ServiceName = "restaurants" | "orders" | "auth";
export type ResourceName = TableName | QueueName | TopicName | typeof ISSUER_RESOURCE;

/** Dead-letter queue names, derived so they cannot drift from the queues that use them. */
export const deadLetterQueues = Object.values(queues).map((q) => q.deadLetterQueue);

export const serviceNames = Object.keys(services) as ServiceName[];
