import { describe, expect, it } from "vitest";
import { ABSOLUTE_TIMEOUT_S, IDLE_TIMEOUT_S, needsTouch, sessionExpired } from "./session-policy";

describe("session lifetimes", () => {
  const start = 1_800_000_000;
  it("ends a session idle for more than 30 minutes", () => {
    expect(sessionExpired({ authTime: start, lastSeen: start }, start + IDLE_TIMEOUT_S)).toBe(
      false,
    );
    expect(sessionExpired({ authTime: start, lastSeen: start }, start + IDLE_TIMEOUT_S + 1)).toBe(
      true,
    );
  });
  it("ends an active session after 12 hours", () => {
    const now = start + ABSOLUTE_TIMEOUT_S + 1;
    expect(sessionExpired({ authTime: start, lastSeen: now - 5 }, now)).toBe(true);
  });
  it("refreshes the idle clock at most once a minute", () => {
    expect(needsTouch({ authTime: start, lastSeen: start }, start + 59)).toBe(false);
    expect(needsTouch({ authTime: start, lastSeen: start }, start + 60)).toBe(true);
  });
});
