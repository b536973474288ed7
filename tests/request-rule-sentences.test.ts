import { describe, expect, it } from "vitest";
import en from "@/messages/en/requests.json";
import zh from "@/messages/zh-CN/requests.json";
import {
  clockRuleFor,
  clockRules,
  typeClockRules,
  type ClockRule,
} from "@/lib/requests/clock-rules";

describe("the deadline rule sentence on the request page", () => {
  it("exists for every rule (each law's, each request type's, an organisation's PIPL period) in both languages, the Chinese one in Chinese", () => {
    const keys = new Set<ClockRule["key"]>([
      ...Object.values(clockRules).map((r) => r.key),
      ...Object.values(typeClockRules).flatMap((byType) =>
        Object.values(byType ?? {}).map((r) => r.key),
      ),
      clockRuleFor("PIPL", "access", { piplPeriod: { amount: 10, unit: "working_days" } }).key,
    ]);
    expect(keys.size).toBe(6);
    for (const key of keys) {
      expect(en.clock.rules[key], key).toBeTruthy();
      expect(zh.clock.rules[key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.clock.rules[key]).not.toBe(en.clock.rules[key]);
    }
  });
});
