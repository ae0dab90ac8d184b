import { describe, expect, it } from "vitest";
import { issuerEnv } from "./env";

describe("issuer environment", () => {
  it("in local mode: the dev mailbox, the web origins (normalized, once each) and DynamoDB Local", () => {
    expect(
      issuerEnv({
        TIFFIN_MAIL: "mailbox",
        TIFFIN_WEB_ORIGINS: "http://127.0.0.1:3000/, http://127.0.0.1:3100 http://127.0.0.1:3000",
        AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:3002",
      }),
    ).toEqual({
      TIFFIN_MAIL: "mailbox",
      TIFFIN_WEB_ORIGINS: ["http://127.0.0.1:3000", "http://127.0.0.1:3100"],
      AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:3002",
    });
  });

  it("in AWS: SES by default, with a sender", () => {
    expect(
      issuerEnv({
        TIFFIN_MAIL_FROM: "Tiffin <no-reply@tiffin.example>",
        TIFFIN_WEB_ORIGINS: "https://d1.cloudfront.net",
      }),
    ).toMatchObject({ TIFFIN_MAIL: "ses", TIFFIN_WEB_ORIGINS: ["https://d1.cloudfront.net"] });
  });

  it("refuses the dev mailbox in AWS Lambda, saying why and what to set instead", () => {
    const inLambda = {
      AWS_LAMBDA_FUNCTION_NAME: "tiffin-production-AuthIssuer",
      TIFFIN_MAIL: "mailbox",
      TIFFIN_WEB_ORIGINS: "https://d1.cloudfront.net",
    };
    expect(() => issuerEnv(inLambda)).toThrow(
      /TIFFIN_MAIL=mailbox .* is for local mode only, and this is running in AWS Lambda \(tiffin-production-AuthIssuer\)\. Set TIFFIN_MAIL=ses/,
    );
    // SES in Lambda is fine; the mailbox outside Lambda (local mode) is fine.
    expect(
      issuerEnv({ ...inLambda, TIFFIN_MAIL: "ses", TIFFIN_MAIL_FROM: "no-reply@tiffin.example" }).TIFFIN_MAIL,
    ).toBe("ses");
    expect(
      issuerEnv({ TIFFIN_MAIL: "mailbox", TIFFIN_WEB_ORIGINS: "http://127.0.0.1:3000" }).TIFFIN_MAIL,
    ).toBe("mailbox");
  });

  it.each([
    [{ TIFFIN_WEB_ORIGINS: "https://d1.cloudfront.net" }, /TIFFIN_MAIL_FROM/],
    [{ TIFFIN_MAIL: "mailbox" }, /TIFFIN_WEB_ORIGINS is required/],
    [{ TIFFIN_MAIL: "mailbox", TIFFIN_WEB_ORIGINS: "not-a-url" }, /"not-a-url" is not an http\(s\) URL/],
    // The same rule as the web app's: only http(s), so an `ftp:` entry is no origin (not "null").
    [{ TIFFIN_MAIL: "mailbox", TIFFIN_WEB_ORIGINS: "http://127.0.0.1:3000 ftp://x" }, /"ftp:\/\/x" is not/],
    [{ TIFFIN_MAIL: "mailbox", TIFFIN_WEB_ORIGINS: " , " }, /lists no origin/],
  ])("refuses %j at cold start", (env, message) => {
    expect(() => issuerEnv(env)).toThrow(message);
  });
});
