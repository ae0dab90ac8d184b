import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeMessageBody } from "./message-body";
import { OrderPlacedV1 } from "./order-placed.v1";

/** Characters SQS accepts in a message body (its documented set); a body outside it is refused. */
const SQS_BODY = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Any UTF-16 code unit, lone surrogates and noncharacters included: more than a person can type. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  maxLength: 200,
});
const anyCodePoints = fc.string({ unit: "binary", maxLength: 200 });
const graphemes = fc.string({ unit: "grapheme", maxLength: 60 });

describe("encodeMessageBody", () => {
  it("writes printable ASCII only, whatever the strings inside", () => {
    fc.assert(
      fc.property(fc.oneof(anyCodeUnits, anyCodePoints, graphemes), (text) => {
        const body = encodeMessageBody({ notes: text, nested: [{ name: text }] });
        expect(body).toMatch(/^[\u0020-\u007e]*$/);
        expect(body).toMatch(SQS_BODY);
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips every string exactly through JSON.parse (no normalisation, no loss)", () => {
    fc.assert(
      fc.property(
        fc.oneof(anyCodeUnits, anyCodePoints, graphemes),
        fc.dictionary(graphemes, graphemes),
        (text, extra) => {
          const event = { notes: text, extra, lines: [{ name: text, quantity: 2 }] };
          expect(JSON.parse(encodeMessageBody(event))).toEqual(event);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("keeps an order with emoji, scripts and combining marks exactly, and still parses as its contract", () => {
    const notes = "ring twice 🔔 · घंटी दो बार · اتصل بي · Zoe\u0308 · 👨‍👩‍👧‍👦";
    const order = OrderPlacedV1.parse({
      type: "order.placed",
      version: 1,
      eventId: "order.placed:1",
      occurredAt: "2026-11-27T18:30:00.000Z",
      correlationId: "corr-1",
      orderId: "1",
      shortCode: "ABC123",
      restaurantId: "bombay-tiffin-house",
      placedAt: "2026-11-27T18:30:00.000Z",
      customer: { name: "आशा पटेल", phone: "+1 415 555 0134" },
      delivery: { address: "٢٢١ شارع فالنسيا", notes },
      lines: [{ itemId: "naan", name: "Naan", quantity: 1, unitPriceCents: 395 }],
      subtotalCents: 395,
      totalCents: 395,
    });

    const body = encodeMessageBody(order);

    expect(body).not.toContain("🔔");
    expect(body).toContain("\\ud83d\\udd14");
    const back = OrderPlacedV1.parse(JSON.parse(body));
    expect(back).toEqual(order);
    expect(back.delivery.notes).toBe(notes);
    expect(back.delivery.notes.normalize("NFC")).not.toBe(notes); // the combining mark was kept as typed
  });
});
