import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { readAnswer } from "./wire";

const ok = (data: unknown) => ({ result: { data: superjson.serialize(data) } });
const refused = (httpStatus: number, code: string) => ({
  error: superjson.serialize({ message: "nope", code: -32600, data: { code, httpStatus } }),
});

describe("readAnswer", () => {
  it("decodes a service's answer, superjson and all", () => {
    const at = new Date("2026-12-01T12:00:00.000Z");
    expect(readAnswer(200, ok({ name: "Bombay Tiffin House", at }))).toEqual({
      status: "ok",
      data: { name: "Bombay Tiffin House", at },
    });
  });

  it("takes the service's 404, and its 400 for a slug that cannot exist, as not found", () => {
    expect(readAnswer(404, refused(404, "NOT_FOUND"))).toEqual({ status: "not-found" });
    expect(readAnswer(400, refused(400, "BAD_REQUEST"))).toEqual({ status: "not-found" });
  });

  it("takes anything else as unavailable: the router's 503, a gateway page, a service's 500", () => {
    const router = {
      error: { message: "The restaurants service is temporarily unavailable.", code: "SERVICE_UNAVAILABLE" },
    };
    expect(readAnswer(503, router)).toEqual({
      status: "unavailable",
      reason: "the restaurants service answered 503 (not from the service)",
    });
    expect(readAnswer(502, undefined).status).toBe("unavailable");
    expect(readAnswer(500, refused(500, "INTERNAL_SERVER_ERROR"))).toEqual({
      status: "unavailable",
      reason: "the restaurants service answered 500",
    });
    // A 200 that is not a tRPC answer is not a catalog either.
    expect(readAnswer(200, "<html>").status).toBe("unavailable");
  });
});
