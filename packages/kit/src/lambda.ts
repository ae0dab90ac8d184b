/** Lambda handler factories: the HTTP API of a service and its SQS consumers; the context hosts call them with. */
export { createApiHandler } from "./api-handler";
export { lambdaContext } from "./lambda-context";
export { createQueueConsumer, type RecordContext } from "./queue-consumer";
