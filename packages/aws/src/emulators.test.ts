import net from "node:net";
import { describe, expect, it } from "vitest";
import { assertPortFree, StartupError } from "./emulators";

describe("startup checks", () => {
  it("names a taken port and says how to move every port", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const address = taken.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const refusal = assertPortFree(port, "router (PORT)");
      await expect(refusal).rejects.toBeInstanceOf(StartupError);
      await expect(refusal).rejects.toThrow(`Port ${port} (router (PORT)) is already in use`);
      await expect(refusal).rejects.toThrow("PORT=<n>");
    } finally {
      taken.close();
    }
  });

  it("accepts a free port", async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expect(assertPortFree(port, "test")).resolves.toBeUndefined();
  });
});
