import type { TestProject } from "vitest/node";
import { startDynamoLocal, startFauxqs } from "../emulators";
import { freePort } from "./processes";

/** Starts in-memory DynamoDB Local and fauxqs once for the integration tests, and stops them after. */
export default async function setup(project: TestProject) {
  const started = await Promise.allSettled([
    freePort().then((port) => startDynamoLocal({ port })),
    freePort().then((port) => startFauxqs({ port })),
  ]);
  const [dynamo, fauxqs] = started.map((s) => (s.status === "fulfilled" ? s.value : undefined));
  if (!dynamo || !fauxqs) {
    await Promise.all([dynamo?.stop(), fauxqs?.stop()]);
    const failure = started.find((s) => s.status === "rejected");
    throw failure?.status === "rejected" ? failure.reason : new Error("emulators did not start");
  }
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("awsEndpoint", fauxqs.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), fauxqs.stop()]);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    awsEndpoint: string;
  }
}
