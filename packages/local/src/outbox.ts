/**
 * Operator tool for the outboxes (`npm run outbox -- <command>`):
 *   list           every service's unsent entries: pending ones (with attempts and next try) and parked ones
 *   retry <id>     a parked (or backing-off) entry becomes due now; the next relay run sends it
 * By default it talks to the local stack's DynamoDB Local (same PORT as `npm start`). Against AWS, give the
 * tables: OUTBOX_TABLES=orders=<OrdersTable name>,restaurants=<RestaurantsTable name> (and credentials).
 */
import { createDocumentClient } from "@tiffin/aws";
import { serviceNames, services } from "@tiffin/aws/topology";
import { listOutbox, retryOutboxEntry } from "@tiffin/outbox/dynamo";
import { localConfig } from "./config";

const cfg = localConfig();
const fromEnv = Object.fromEntries(
  (process.env.OUTBOX_TABLES ?? "")
    .split(",")
    .filter(Boolean)
    .map((pair) => pair.split("=") as [string, string]),
);
/** The services whose topology schedules an outbox relay, and their tables. */
const outboxes = serviceNames
  .filter((s) => services[s].schedules.some((job) => job.handler === "outbox-relay"))
  .map((service) => ({ service, table: fromEnv[service] ?? `${cfg.prefix}-${services[service].table}` }));
const endpoint = process.env.OUTBOX_TABLES ? undefined : `http://127.0.0.1:${cfg.dynamoPort}`;
const db = createDocumentClient({ endpoint });

const [command, id] = process.argv.slice(2);
try {
  if (command === "list") {
    for (const { service, table } of outboxes) {
      const parked = await listOutbox(db, table, "parked");
      const pending = await listOutbox(db, table, "pending");
      console.log(`${service} (${table}): ${pending.length} pending, ${parked.length} parked`);
      for (const e of [...parked, ...pending]) {
        const when =
          e.state === "parked" ? `parked ${e.parkedAt}` : e.attempts ? `next try ${e.nextAttemptAt}` : "due";
        console.log(
          `  ${e.state.padEnd(7)} ${e.id}  saved ${e.createdAt}  ${e.attempts} failed attempt(s), ${when}`,
        );
        if (e.lastError) console.log(`          last error: ${e.lastError}`);
      }
    }
  } else if (command === "retry" && id) {
    for (const { service, table } of outboxes) {
      if ((await retryOutboxEntry(db, table, id, new Date())) === "retried") {
        console.log(`${service}: ${id} is due again; the relay sends it on its next run.`);
        process.exit(0);
      }
    }
    console.error(`No unsent outbox entry has the id ${id}. \`npm run outbox -- list\` shows them.`);
    process.exit(1);
  } else {
    console.error("usage: npm run outbox -- list | retry <id>");
    process.exit(2);
  }
} catch (err) {
  console.error(
    `Could not read the outboxes (${endpoint ?? "AWS"}; is \`npm start\` running with the same PORT?): ${String(err)}`,
  );
  process.exit(1);
}
