export {
  type ClientOptions,
  createDocumentClient,
  createS3Client,
  createSnsClient,
  createSqsClient,
} from "./clients";
