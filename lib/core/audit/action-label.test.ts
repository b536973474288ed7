import { describe, expect, it } from "vitest";
import en from "@/messages/en/audit.json";
import zh from "@/messages/zh-CN/audit.json";
import { actionLabel } from "./action-label";
import { auditActions } from "./actions";

/** Reads a dotted key the way next-intl does (nested objects). */
const lookup = (messages: unknown, key: string) =>
  key
    .split(".")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      messages,
    );

describe("audit action labels", () => {
  it.each([
    ["en", en],
    ["zh-CN", zh],
  ])("names every action of the closed union in %s", (_locale, messages) => {
    const missing = auditActions.filter(
      (a) => typeof lookup(messages, `actions.${a}`) !== "string",
    );
    expect(missing).toEqual([]);
  });

  it("shows an action from outside the union as recorded", () => {
    const t = (key: string) => `label:${key}`;
    expect(actionLabel(t, "vendor.created")).toBe("label:actions.vendor.created");
    expect(actionLabel(t, "legacy.thing")).toBe("legacy.thing");
  });
});
