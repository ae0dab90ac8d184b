import {
  type BucketName,
  buckets as bucketTopology,
  type TableName,
  tables as topology,
} from "../packages/aws/src/topology";

/** One DynamoDB table per service, named as in the topology so code reads `Resource.<Name>.name`. */
export const tables = Object.fromEntries(
  Object.entries(topology).map(([name, table]) => [
    name,
    new sst.aws.Dynamo(name, {
      fields: table.fields,
      primaryIndex: table.primaryIndex,
      globalIndexes: "globalIndexes" in table ? table.globalIndexes : undefined,
      ttl: "ttl" in table ? table.ttl : undefined,
      // Orders, accounts and the issuer's signing keys: restorable to any second of the last 35 days.
      // SST enables it by default today; stated here so a change of default cannot switch it off.
      transform: { table: { pointInTimeRecovery: { enabled: true } } },
    }),
  ]),
) as Record<TableName, sst.aws.Dynamo>;

/**
 * Buckets (menu photos): private, read only through the Router (CloudFront) at their `servedAt` path.
 * Browsers upload with a presigned POST straight to S3, so the bucket answers CORS for POST; what may be
 * uploaded (key, type, size) is fixed by the signed policy, not by the origin.
 */
export const buckets = Object.fromEntries(
  Object.keys(bucketTopology).map((name) => [
    name,
    new sst.aws.Bucket(name, {
      access: "cloudfront",
      cors: { allowOrigins: ["*"], allowMethods: ["POST"], allowHeaders: ["*"], maxAge: "1 hour" },
    }),
  ]),
) as Record<BucketName, sst.aws.Bucket>;
