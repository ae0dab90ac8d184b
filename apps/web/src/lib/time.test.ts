import { describe, expect, it } from "vitest";
import { ageInSeconds, timeAgo } from "./time";

const now = new Date("2025-06-01T18:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("timeAgo", () => {
  it("reads like a person would say it", () => {
    expect(timeAgo(ago(5), now)).toBe("just now");
    expect(timeAgo(ago(60), now)).toBe("1 minute ago");
    expect(timeAgo(ago(14 * 60), now)).toBe("14 minutes ago");
    expect(timeAgo(ago(2 * 3600), now)).toBe("2 hours ago");
    expect(timeAgo(ago(30 * 3600), now)).toBe("yesterday");
  });

  it("treats a clock slightly ahead of ours as just now", () => {
    expect(timeAgo(ago(-20), now)).toBe("just now");
  });
});

describe("ageInSeconds", () => {
  it("counts whole seconds and never goes negative", () => {
    expect(ageInSeconds(1_000, 4_900)).toBe(3);
    expect(ageInSeconds(5_000, 4_000)).toBe(0);
  });
});
