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
    }),
  ]),
) as Record<TableName, sst.aws.Dynamo>;
