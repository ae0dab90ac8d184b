export { type ClientOptions, createDocumentClient, createSnsClient, createSqsClient } from "./clients";
