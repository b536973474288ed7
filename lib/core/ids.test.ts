import { describe, expect, it } from "vitest";
import { timeOrderedId } from "./ids";

describe("timeOrderedId", () => {
  it("is a version 7 UUID with the RFC variant whose first 48 bits are the time in milliseconds", () => {
    const id = timeOrderedId(Date.UTC(2026, 10, 29, 8, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(
      Date.UTC(2026, 10, 29, 8, 0, 0, 123),
    );
  });

  it("sorts by time across milliseconds and does not repeat", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) =>
      timeOrderedId(1_800_000_000_000 + Math.floor(i / 100)),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 100; i < ids.length; i += 100) expect(ids[i - 1] < ids[i]).toBe(true);
  });
});
