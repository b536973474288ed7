import { describe, expect, it } from "vitest";
import type { Translate } from "@/lib/core/i18n/translator";
import en from "@/messages/en/training.json";
import zh from "@/messages/zh-CN/training.json";
import { writeFileSync, mkdirSync } from "node:fs";
import { inkShare, inkMap, renderPage } from "@/tests/pdf-page-image";
import { certificatePdf, certificateSpec, type CertificateFacts } from "./certificate-pdf";

const translate =
  (messages: Record<string, unknown>): Translate =>
  (key, values = {}) => {
    const template = key
      .split(".")
      .reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], messages) as string;
    return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
  };

const facts: CertificateFacts = {
  holderName: "刘洋",
  courseTitle: { "zh-CN": "个人信息保护基础", en: "PIPL essentials" },
  organisation: { "zh-CN": "拼团转让示范平台", en: "Demo Group-Buy Exchange" },
  issuedAt: new Date("2026-12-08T02:00:00Z"),
  score: 80,
  code: "7K3M-QX9P-R2TD",
  verifyUrl: "https://privacy.example/p/demo/certificates?code=7K3M-QX9P-R2TD",
};

describe("certificate PDF", () => {
  it("states the holder, the course, the date, the score, the code and where to verify it, in the reader's language", () => {
    const spec = certificateSpec(facts, "zh-CN", translate(zh));
    const text = JSON.stringify(spec);
    for (const part of [
      "培训结业证书",
      "刘洋",
      "《个人信息保护基础》",
      "2026年12月8日",
      "80%",
      facts.code,
      facts.verifyUrl,
    ])
      expect(text).toContain(part);
    const english = JSON.stringify(certificateSpec(facts, "en", translate(en)));
    expect(english).toContain("PIPL essentials");
    expect(english).toContain("December 8, 2026");
  });

  it("renders a PDF whose page shows the Chinese text", async () => {
    const pdf = await certificatePdf(facts, "zh-CN", translate(zh));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const page = renderPage(pdf, 0);
    expect(page.text).toContain("刘洋");
    expect(page.text).toContain(facts.code);
    // The holder's name is drawn (ink in its glyphs' boxes), not missing-glyph boxes.
    const name = page.chars.filter((c) => c.char === "刘" || c.char === "洋");
    expect(name.length).toBeGreaterThanOrEqual(2);
    for (const c of name) expect(inkShare(inkMap(page, c.box))).toBeGreaterThan(0.05);
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/certificate-zh.png", page.png());
  });
});
