import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { categoriesOf } from "../data-categories";
import { buildPackage } from "./build";
import type { PackageData } from "./collect";
import { toCsv } from "./csv";
import { escapeHtml, summaryHtml, SUMMARY_ROWS } from "./summary-html";

const data = (over: Partial<PackageData> = {}): PackageData => ({
  profile: { displayName: "张伟", phone: "+8613800138000" },
  vouchers: [],
  orders: [],
  listings: [],
  paymentAccounts: [],
  consentReceipts: [],
  requests: [],
  ...over,
});

describe("package files", () => {
  it("writes CSV with quoting, a BOM, and spreadsheet formulas defused", () => {
    const csv = toCsv([{ a: "x,y", b: 'say "hi"', c: '=HYPERLINK("http://evil")', d: null, e: 3 }]);
    expect(csv.startsWith("\uFEFFa,b,c,d,e\r\n")).toBe(true);
    expect(csv).toContain('"x,y","say ""hi""","\'=HYPERLINK(""http://evil"")",,3\r\n');
  });

  it("escapes every value in the summary and puts the request's language first", () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe(
      "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;",
    );
    const html = summaryHtml(data({ orders: [{ title: "<b>套餐</b>" }] }), {
      reference: "R-2026-000001",
      generatedAt: "2026-11-29T00:00:00Z",
      locale: "en",
    });
    expect(html).toContain("Profile / 个人资料");
    expect(html).toContain("&lt;b&gt;套餐&lt;/b&gt;");
    expect(html).not.toContain("<b>套餐");
    const many = summaryHtml(
      data({ orders: Array.from({ length: SUMMARY_ROWS + 5 }, (_, i) => ({ n: i })) }),
      { reference: "R", generatedAt: "", locale: "zh-CN" },
    );
    expect(many.match(/<tr><td>\d+<\/td><\/tr>/g)).toHaveLength(SUMMARY_ROWS);
  });

  it("zips JSON and CSV per dataset with a SHA-256 of the archive and counts", () => {
    const built = buildPackage(data({ orders: [{ id: "o1" }, { id: "o2" }] }), {
      reference: "R-2026-000001",
      generatedAt: new Date("2026-11-29T00:00:00Z"),
      locale: "zh-CN",
    });
    expect(built.counts).toMatchObject({ profile: 1, orders: 2, vouchers: 0 });
    expect(built.sha256).toMatch(/^[0-9a-f]{64}$/);
    const entries = unzipSync(new Uint8Array(built.zip));
    expect(JSON.parse(strFromU8(entries["orders.json"]))).toEqual([{ id: "o1" }, { id: "o2" }]);
    expect(strFromU8(entries["profile.csv"])).toContain("张伟");
  });

  it("maps what a customer has to vendor data categories", () => {
    expect(
      categoriesOf({ phone: true, paymentAccounts: true, orders: true, nationalId: false }),
    ).toEqual(["contact", "financial", "transactions"]);
    expect(categoriesOf({ realNameVerified: true })).toEqual(["biometric", "identity"]);
    expect(categoriesOf({ displayName: true, nationalId: true })).toEqual([
      "identity",
      "national_id",
    ]);
  });
});
