import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError, type DomainErrorKind } from "./domain-error";
import { createLogger } from "./logger";
import { type Context, createCallerFactory, fieldErrorsOf, publicProcedure, router } from "./trpc";

const GENERIC = "Something went wrong on our side. Please try again.";
const SECRET = "connect ECONNREFUSED 10.0.4.17:8000 (table prod-OrdersTable, key sk-live-123)";

/** A stand-in for a record the service reads back from its own storage. */
const StoredThing = z.object({ id: z.string(), total: z.number() });

const testRouter = router({
  refuse: publicProcedure
    .input(z.object({ kind: z.enum(["invalid", "not_found", "conflict", "unavailable"]) }))
    .query(({ input }): string => {
      throw new DomainError(input.kind, `Refused because ${input.kind}.`, { dish: "Sold out" });
    }),
  refuseWithoutFields: publicProcedure.query((): string => {
    throw new DomainError("invalid", "Your cart is empty: add a dish first.");
  }),
  crash: publicProcedure.query((): string => {
    throw new Error(SECRET);
  }),
  crashParsingOwnData: publicProcedure.query(() => StoredThing.parse({ id: 42 })),
  forbid: publicProcedure.query((): string => {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only restaurant staff can see tickets." });
  }),
  validate: publicProcedure
    .input(
      z.strictObject({
        name: z.string().trim().min(1, "Your name is required."),
        quantity: z.number().max(20, "You can order at most 20 of one dish."),
      }),
    )
    .query(({ input }) => `hello ${input.name}`),
});

const ctx = (): Context => {
  const logger = createLogger("kit-test");
  logger.setLogLevel("SILENT");
  return { correlationId: "corr-kit-1", logger, actor: undefined };
};

const ClientError = z.object({
  message: z.string(),
  code: z.number(),
  data: z
    .object({ code: z.string(), httpStatus: z.number(), fieldErrors: z.record(z.string(), z.string()) })
    .loose(),
});

/** Calls in-process and returns the TRPCError plus the shape the error formatter makes of it. */
const createTestCaller = createCallerFactory(testRouter);

const refusal = async (call: (caller: ReturnType<typeof createTestCaller>) => Promise<unknown>) => {
  const context = ctx();
  const caller = createTestCaller(context);
  const error = await call(caller).then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const raw: unknown = getTRPCErrorShape({
    config: testRouter._def._config,
    error,
    type: "query",
    path: undefined,
    input: undefined,
    ctx: context,
  });
  return { error, raw, shape: ClientError.parse(raw) };
};

/** The same call over HTTP, as the browser makes it: status and the raw body text. */
const overHttp = async (path: string, input?: unknown) => {
  const query =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await fetchRequestHandler({
    endpoint: "/trpc",
    req: new Request(`http://localhost/trpc/${path}${query}`),
    router: testRouter,
    createContext: ctx,
  });
  const text = await response.text();
  const body = z.object({ error: z.object({ json: ClientError }) }).parse(JSON.parse(text));
  return { status: response.status, text, error: body.error.json };
};

describe("the kit's error handling", () => {
  it("runs in development mode here, so the default shape would carry a stack", () => {
    // Otherwise the "no stack" assertions below would pass for the wrong reason.
    expect(testRouter._def._config.isDev).toBe(true);
  });

  describe("DomainError", () => {
    it.each<{ kind: DomainErrorKind; code: TRPCError["code"]; status: number }>([
      { kind: "invalid", code: "BAD_REQUEST", status: 400 },
      { kind: "not_found", code: "NOT_FOUND", status: 404 },
      { kind: "conflict", code: "CONFLICT", status: 409 },
      { kind: "unavailable", code: "PRECONDITION_FAILED", status: 412 },
    ])(
      "maps $kind to $code ($status) and keeps the message and field errors",
      async ({ kind, code, status }) => {
        const { error, shape } = await refusal((c) => c.refuse({ kind }));

        expect(error.code).toBe(code);
        expect(shape.message).toBe(`Refused because ${kind}.`);
        expect(shape.data).toMatchObject({ code, httpStatus: status, fieldErrors: { dish: "Sold out" } });

        const http = await overHttp("refuse", { kind });
        expect(http.status).toBe(status);
        expect(http.error.message).toBe(`Refused because ${kind}.`);
      },
    );

    it("sends empty field errors when the domain gave none", async () => {
      const { shape } = await refusal((c) => c.refuseWithoutFields());

      expect(shape.message).toBe("Your cart is empty: add a dish first.");
      expect(shape.data.fieldErrors).toEqual({});
    });
  });

  describe("an unexpected error", () => {
    it("becomes INTERNAL_SERVER_ERROR with the generic message, not the original one", async () => {
      const { error, shape } = await refusal((c) => c.crash());

      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(shape.message).toBe(GENERIC);
      expect(shape.data).toMatchObject({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500, fieldErrors: {} });
    });

    it("leaks neither its message nor a stack over HTTP", async () => {
      const http = await overHttp("crash");

      expect(http.status).toBe(500);
      expect(http.error.message).toBe(GENERIC);
      expect(http.text).not.toContain("ECONNREFUSED");
      expect(http.text).not.toContain("sk-live-123");
      expect(http.text).not.toMatch(/stack|\.ts:\d+|node_modules/);
    });

    it("keeps a ZodError from the service's own parsing generic too: it is not the client's input", async () => {
      const { error, shape } = await refusal((c) => c.crashParsingOwnData());

      expect(error.code).toBe("INTERNAL_SERVER_ERROR");
      expect(shape.message).toBe(GENERIC);
      expect(shape.data.fieldErrors).toEqual({});
    });
  });

  it("passes a deliberate TRPCError through with its code and message", async () => {
    const { error, shape } = await refusal((c) => c.forbid());

    expect(error.code).toBe("FORBIDDEN");
    expect(shape.message).toBe("Only restaurant staff can see tickets.");
    expect(shape.data.httpStatus).toBe(403);
  });

  describe("invalid input", () => {
    it("is BAD_REQUEST with the first human message and a message per field", async () => {
      const { error, shape } = await refusal((c) => c.validate({ name: "   ", quantity: 999 }));

      expect(error.code).toBe("BAD_REQUEST");
      expect(shape.message).toBe("Your name is required.");
      expect(shape.data.fieldErrors).toEqual({
        name: "Your name is required.",
        quantity: "You can order at most 20 of one dish.",
      });
    });

    it("reaches the browser as the human message, without a stack", async () => {
      const http = await overHttp("validate", { name: "Asha", quantity: 999 });

      expect(http.status).toBe(400);
      expect(http.error.message).toBe("You can order at most 20 of one dish.");
      expect(http.text).not.toContain("stack");
    });
  });

  it("never puts a stack in any error shape", async () => {
    const shapes = await Promise.all([
      refusal((c) => c.refuse({ kind: "conflict" })),
      refusal((c) => c.crash()),
      refusal((c) => c.crashParsingOwnData()),
      refusal((c) => c.forbid()),
      refusal((c) => c.validate({ name: "", quantity: 1 })),
    ]);

    for (const { raw } of shapes) expect(JSON.stringify(raw)).not.toContain("stack");
  });
});

describe("fieldErrorsOf", () => {
  it("keeps the first message per field path and files root issues under input", () => {
    const schema = z.strictObject({
      lines: z.array(z.object({ quantity: z.number().int("Whole numbers only.").min(1, "At least 1.") })),
    });
    const result = schema.safeParse({ lines: [{ quantity: 0.5 }], extra: true });
    if (result.success) throw new Error("expected the input to be invalid");

    expect(fieldErrorsOf(result.error)).toEqual({
      "lines.0.quantity": "Whole numbers only.",
      input: expect.stringContaining("extra"),
    });
  });
});
