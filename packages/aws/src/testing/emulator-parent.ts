/**
 * A stand-in for `npm start` in tests: starts both emulators, prints their pids as one JSON line, and
 * waits to be killed. Usage: node --import tsx emulator-parent.ts <dynamoPort> <fauxqsPort>
 */
import { startDynamoLocal, startFauxqs } from "../emulators";

const [dynamoPort, fauxqsPort] = process.argv.slice(2).map(Number);
const dynamo = await startDynamoLocal({ port: dynamoPort ?? 0 });
const fauxqs = await startFauxqs({ port: fauxqsPort ?? 0 });
console.log(JSON.stringify({ dynamo: dynamo.pids(), fauxqs: fauxqs.pids() }));
setInterval(() => undefined, 60_000);
