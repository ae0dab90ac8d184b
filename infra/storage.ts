import { type TableName, tables as topology } from "../packages/aws/src/topology";

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
