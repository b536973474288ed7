import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { upsertCustomers } from "@/lib/customers/commands";
import { createOrg } from "@/tests/factories";
import en from "@/messages/en/portalRequests.json";
import zh from "@/messages/zh-CN/portalRequests.json";
import type { RequestType } from "@/db/schema";
import { lawsOffering } from "../request-types";
import { lawsOfCustomer, typesExplainedPerLaw } from "./laws";

afterAll(closeAppDb);

describe("restriction and objection speak each law's language", () => {
  const texts = (law: "PIPL" | "GDPR") =>
    [...typesExplainedPerLaw].flatMap((type) => {
      const key = type as "restriction" | "objection";
      return [en.types[key].laws[law], zh.types[key].laws[law]];
    });
  it("a PIPL customer reads PIPL Art. 44 and never about legitimate interests", () => {
    for (const text of texts("PIPL")) {
      expect(text).toMatch(/PIPL Art\. 44|第四十四条/);
      expect(text).not.toMatch(/legitimate interest|合法利益|正当利益/i);
    }
  });
  it("a GDPR customer reads Arts. 18 and 21; a CCPA customer is offered opting out and limiting instead", () => {
    expect([en.types.restriction.laws.GDPR, zh.types.restriction.laws.GDPR]).toEqual([
      expect.stringContaining("GDPR Art. 18"),
      expect.stringContaining("GDPR 第 18 条"),
    ]);
    expect([en.types.objection.laws.GDPR, zh.types.objection.laws.GDPR]).toEqual([
      expect.stringContaining("GDPR Art. 21"),
      expect.stringContaining("GDPR 第 21 条"),
    ]);
    // Restriction and objection are PIPL's and GDPR's; CCPA's rights are request types of their own.
    for (const type of typesExplainedPerLaw)
      expect(lawsOffering(type as RequestType, ["CCPA"])).toEqual([]);
    expect(lawsOffering("opt_out_sale_sharing", ["CCPA"])).toEqual(["CCPA"]);
    expect(lawsOffering("limit_sensitive", ["CCPA"])).toEqual(["CCPA"]);
  });
  it("before verification the page names no law's grounds", () => {
    for (const text of [
      en.types.restriction.body,
      en.types.objection.body,
      zh.types.restriction.body,
      zh.types.objection.body,
    ]) {
      expect(text).not.toMatch(/legitimate interest|合法利益/i);
    }
  });
});

describe("the laws of a verified portal visitor", () => {
  let orgId: string;
  beforeAll(async () => ({ orgId } = await createOrg())); // jurisdictions: PIPL
  it("are their own laws, else their region's, else the organisation's", async () => {
    const ids = await withTenant(orgId, async (tx) =>
      (
        await upsertCustomers(tx, orgId, [
          { externalRef: "l-1", laws: ["GDPR", "CCPA"] },
          { externalRef: "l-2", laws: [], region: "US-CA" },
          { externalRef: "l-3", laws: [] },
        ])
      ).map((r) => r.id),
    );
    const laws = await withTenant(orgId, async (tx) => [
      await lawsOfCustomer(tx, orgId, ids[0]),
      await lawsOfCustomer(tx, orgId, ids[1]),
      await lawsOfCustomer(tx, orgId, ids[2]),
    ]);
    expect(laws).toEqual([["GDPR", "CCPA"], ["CCPA"], ["PIPL"]]);
  });
});
