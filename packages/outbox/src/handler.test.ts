import { afterEach, describe, expect, it, vi } from "vitest";
import { createRelayHandler } from "./handler";
import type { RelayRun } from "./relay";

const quiet: RelayRun = { sent: 0, failed: 0, parked: 0, oldestPendingAgeSeconds: 0, parkedTotal: 0 };

/** Lines the handler wrote to stdout (where Powertools Metrics writes its EMF). */
const captureStdout = () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("outbox relay handler", () => {
  it("publishes the oldest pending entry's age as a CloudWatch metric (EMF)", async () => {
    const lines = captureStdout();
    const handler = createRelayHandler({
      service: "orders",
      relay: async () => ({ ...quiet, failed: 2, oldestPendingAgeSeconds: 420, parkedTotal: 1 }),
    });

    await handler();

    const emf = lines.map((l) => JSON.parse(l)).find((l) => l._aws);
    expect(emf).toMatchObject({
      service: "orders",
      oldestPendingAgeSeconds: 420,
      outboxFailed: 2,
      outboxParked: 1,
      _aws: { CloudWatchMetrics: [{ Namespace: "Tiffin", Dimensions: [["service"]] }] },
    });
    expect(emf._aws.CloudWatchMetrics[0].Metrics).toContainEqual({
      Name: "oldestPendingAgeSeconds",
      Unit: "Seconds",
    });
  });

  it("publishes nothing for a quiet run", async () => {
    const lines = captureStdout();

    expect(await createRelayHandler({ service: "orders", relay: async () => quiet })()).toEqual(quiet);

    expect(lines).toEqual([]);
  });
});
