/** Lambda handler factories: the HTTP API of a service and its SQS consumers. */
export { createApiHandler } from "./api-handler";
export { createQueueConsumer, type RecordContext } from "./queue-consumer";
