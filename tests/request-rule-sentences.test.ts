import { describe, expect, it } from "vitest";
import en from "@/messages/en/requests.json";
import zh from "@/messages/zh-CN/requests.json";
import { clockRules } from "@/lib/requests/clock-rules";

describe("the deadline rule sentence on the request page", () => {
  it("exists for every law in both languages, and the Chinese one is written in Chinese", () => {
    for (const law of Object.keys(clockRules) as Array<keyof typeof clockRules>) {
      expect(en.clock.rules[law], law).toBeTruthy();
      expect(zh.clock.rules[law], law).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.clock.rules[law]).not.toBe(en.clock.rules[law]);
    }
  });
});
