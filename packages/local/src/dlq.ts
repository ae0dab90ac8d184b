/**
 * Operator tool for the local stack's dead-letter queues (`npm run dlq -- <command>`):
 *   list                  every DLQ and how many messages wait in it
 *   peek <Queue>          show up to 10 dead letters of a queue (e.g. FulfillmentQueue), without removing them
 *   redrive <Queue>       move them back to the queue, once the cause is fixed
 */
import { GetQueueAttributesCommand, GetQueueUrlCommand } from "@aws-sdk/client-sqs";
import { createSqsClient } from "@tiffin/aws";
import { deadLetterSummary, peekDeadLetters, redriveDeadLetters } from "@tiffin/aws/dead-letters";
import { type QueueName, queues } from "@tiffin/aws/topology";
import { localConfig } from "./config";

const cfg = localConfig();
const sqs = createSqsClient({ endpoint: `http://127.0.0.1:${cfg.fauxqsPort}` });
const urlOf = async (name: string) =>
  (await sqs.send(new GetQueueUrlCommand({ QueueName: `${cfg.prefix}-${name}` }))).QueueUrl ?? "";

const queueArg = (): QueueName => {
  const name = process.argv[3];
  if (!name || !(name in queues)) {
    console.error(`Name a queue: ${Object.keys(queues).join(", ")}`);
    process.exit(2);
  }
  return name as QueueName;
};

const [command] = process.argv.slice(2);
try {
  if (command === "list") {
    for (const [name, def] of Object.entries(queues)) {
      const out = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: await urlOf(def.deadLetterQueue),
          AttributeNames: ["ApproximateNumberOfMessages"],
        }),
      );
      console.log(
        `${def.deadLetterQueue.padEnd(18)} ${out.Attributes?.ApproximateNumberOfMessages ?? "?"} message(s)  (dead letters of ${name})`,
      );
    }
  } else if (command === "peek") {
    const name = queueArg();
    const letters = await peekDeadLetters(sqs, await urlOf(queues[name].deadLetterQueue));
    if (letters.length === 0) console.log(`${queues[name].deadLetterQueue} is empty.`);
    for (const m of letters) console.log(`--- ${m.MessageId}\nwhy: ${deadLetterSummary(m)}\n${m.Body}`);
  } else if (command === "redrive") {
    const name = queueArg();
    const moved = await redriveDeadLetters(sqs, await urlOf(queues[name].deadLetterQueue), await urlOf(name));
    console.log(`Moved ${moved} message(s) from ${queues[name].deadLetterQueue} back to ${name}.`);
  } else {
    console.error("usage: npm run dlq -- list | peek <Queue> | redrive <Queue>");
    process.exit(2);
  }
} catch (err) {
  console.error(
    `Could not reach the local stack's queues on port ${cfg.fauxqsPort} (is \`npm start\` running with the same PORT?): ${String(err)}`,
  );
  process.exit(1);
}
