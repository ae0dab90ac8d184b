import { parseWebOrigins } from "@tiffin/kit/session";
import { z } from "zod";

/** `TIFFIN_WEB_ORIGINS` by the kit's one rule; here, unlike in the web app, an entry that isn't an origin stops the issuer. */
const origins = z
  .string({ error: "TIFFIN_WEB_ORIGINS is required: the web app's origin(s), separated by commas." })
  .transform((value, ctx) => {
    const { origins, invalid } = parseWebOrigins(value);
    for (const entry of invalid) {
      ctx.addIssue({ code: "custom", message: `TIFFIN_WEB_ORIGINS: "${entry}" is not an http(s) URL.` });
    }
    if (origins.length === 0 && invalid.length === 0) {
      ctx.addIssue({ code: "custom", message: "TIFFIN_WEB_ORIGINS lists no origin." });
    }
    return origins;
  });

const IssuerEnv = z.discriminatedUnion("TIFFIN_MAIL", [
  z.object({
    /** Local mode: codes go to the dev mailbox (served on /dev/mailbox) instead of email. */
    TIFFIN_MAIL: z.literal("mailbox"),
    TIFFIN_WEB_ORIGINS: origins,
    AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  }),
  z.object({
    TIFFIN_MAIL: z.literal("ses").default("ses"),
    TIFFIN_MAIL_FROM: z.string({ error: "TIFFIN_MAIL_FROM is required to send email with SES." }).min(3),
    TIFFIN_WEB_ORIGINS: origins,
    AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  }),
]);
export type IssuerEnv = z.infer<typeof IssuerEnv>;

/** The issuer's settings, checked once at cold start so a misconfiguration fails loudly, not per login. */
export const issuerEnv = (env: NodeJS.ProcessEnv = process.env): IssuerEnv => {
  // The dev mailbox shows every code to anyone who asks: in Lambda it would hand out everyone's
  // accounts. Local mode never runs in Lambda, so this is always a misconfiguration.
  if (env.AWS_LAMBDA_FUNCTION_NAME && env.TIFFIN_MAIL === "mailbox") {
    throw new Error(
      `auth issuer misconfigured: TIFFIN_MAIL=mailbox (the dev mailbox, which shows every code to anyone) is for local mode only, and this is running in AWS Lambda (${env.AWS_LAMBDA_FUNCTION_NAME}). Set TIFFIN_MAIL=ses and TIFFIN_MAIL_FROM to a verified sender.`,
    );
  }
  const parsed = IssuerEnv.safeParse({ ...env, TIFFIN_MAIL: env.TIFFIN_MAIL ?? "ses" });
  if (!parsed.success) {
    throw new Error(`auth issuer misconfigured: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  }
  return parsed.data;
};
