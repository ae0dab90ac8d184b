import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import type { Mailer } from "../domain/ports";

/** Production mail: Amazon SES (v2 API), plain text, from a verified sender identity. */
export const sesMailer = (ses: SESv2Client, from: string): Mailer => ({
  async send({ to, subject, text }) {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: subject, Charset: "UTF-8" },
            Body: { Text: { Data: text, Charset: "UTF-8" } },
          },
        },
      }),
    );
  },
});
