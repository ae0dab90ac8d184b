import { randomUUID } from "node:crypto";
import type { Context as LambdaContext } from "aws-lambda";

/**
 * The `context` Lambda hands a handler, for whatever calls handlers itself: the local Function URL host
 * and queue poller (with the function's real timeout, so `getRemainingTimeInMillis` counts down as in
 * AWS), and tests (the defaults).
 */
export const lambdaContext = (functionName = "test-function", timeoutMs = 30_000): LambdaContext => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: "512",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
