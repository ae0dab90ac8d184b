/** Test helpers shared by every service's tests (never imported by production code). */
export { lambdaContext } from "../lambda-context";
export { type LogLine, RecordingLog } from "./log";
export { snsEnvelope, sqsEvent, sqsRecord } from "./sqs";
export { aCustomer, anActor, contextFor, type Refusal, refusalOf, staffOf } from "./trpc";
