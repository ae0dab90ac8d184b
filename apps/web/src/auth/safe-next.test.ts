import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeNextPath("/checkout")).toBe("/checkout");
    expect(safeNextPath("/restaurant?r=nonna-rosa")).toBe("/restaurant?r=nonna-rosa");
    expect(safeNextPath("/orders/3b241101-e2bb-4255-8caf-4136c566a962#status")).toBe(
      "/orders/3b241101-e2bb-4255-8caf-4136c566a962#status",
    );
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/a/../checkout")).toBe("/checkout");
    expect(safeNextPath("/../../etc")).toBe("/etc");
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["absolute URL", "https://evil.example/steal"],
    ["scheme", "javascript:alert(1)"],
    ["protocol-relative", "//evil.example"],
    ["backslash trick", "/\\evil.example"],
    ["encoded backslash stays a path", "/%5Cevil.example"],
    ["relative path", "checkout"],
    ["tab inside", "/\t/evil.example"],
    ["newline (header injection)", "/ok\r\nSet-Cookie: x=1"],
    ["auth loop", "/auth/login?next=/"],
    ["sign-out by GET", "/auth/logout"],
    ["too long", `/${"a".repeat(600)}`],
  ])("refuses %s", (_label, next) => {
    const safe = safeNextPath(next);
    expect(safe.startsWith("/")).toBe(true);
    expect(safe.startsWith("//")).toBe(false);
    expect(new URL(safe, "https://tiffin.test").origin).toBe("https://tiffin.test");
    if (next !== "/%5Cevil.example") expect(safe).toBe("/");
  });

  it("treats an encoded backslash as a harmless path segment", () => {
    expect(safeNextPath("/%5Cevil.example")).toBe("/%5Cevil.example");
  });
});

describe("signInPath", () => {
  it("carries where to come back to", () => {
    expect(signInPath("/checkout")).toBe("/signin?next=%2Fcheckout");
    expect(signInPath("/")).toBe("/signin");
    expect(signInPath("https://evil.example")).toBe("/signin");
  });
});
