import { z } from "zod";

const origins = z
  .string({ error: "TIFFIN_WEB_ORIGINS is required: the web app's origin(s), comma-separated." })
  .transform((value, ctx) => {
    const list: string[] = [];
    for (const entry of value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      try {
        list.push(new URL(entry).origin);
      } catch {
        ctx.addIssue({ code: "custom", message: `TIFFIN_WEB_ORIGINS: "${entry}" is not a URL.` });
      }
    }
    if (list.length === 0) ctx.addIssue({ code: "custom", message: "TIFFIN_WEB_ORIGINS lists no origin." });
    return list;
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
  const parsed = IssuerEnv.safeParse({ ...env, TIFFIN_MAIL: env.TIFFIN_MAIL ?? "ses" });
  if (!parsed.success) {
    throw new Error(`auth issuer misconfigured: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  }
  return parsed.data;
};
