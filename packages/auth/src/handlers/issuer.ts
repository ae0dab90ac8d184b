import { handle } from "hono/aws-lambda";
import { behindFunctionUrl } from "../issuer/function-url";
import { createIssuer } from "../wiring";

/** The OpenAuth issuer as a Function URL Lambda (sst.aws.Auth in AWS, the auth process's host locally). */
export const handler = handle(behindFunctionUrl(createIssuer()));
