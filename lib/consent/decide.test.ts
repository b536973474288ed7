import { describe, expect, it } from "vitest";
import { consentStatuses } from "@/db/schema/consent";
import { consentKinds, purposeBasisIds, type PurposeBases } from "@/db/schema/purposes";
import { customerLaws, type CustomerLaw } from "@/db/schema/customers";
import { choiceOf, decide, guardianNeeded, type Decision } from "./decide";

/*
 * The consent decision as a table, written from the law and not from the code: every combination
 * of law × basis × kind × state × re-consent × age band (adult or unknown, 12, 13, 14, 15 on the
 * law's calendar; GDPR's Art. 8 age at its default 16) × the guardian behind the state × GPC × a
 * standing CCPA opt-out of sale and sharing × a standing CCPA limitation of sensitive information
 * (for a purpose using a category CPRA calls sensitive) is looked up here, first matching row wins, and decide() must answer the same
 * allowed, reason and article. "*" matches anything; a list matches any of its values. Every row
 * must match at least one combination.
 */
type Status = (typeof consentStatuses)[number] | null;
type Cell<T> = T | readonly T[] | "*";
interface Row {
  law: CustomerLaw;
  basis: Cell<string | null>;
  kind?: Cell<string>;
  status?: Cell<Status>;
  reconsent?: Cell<boolean>;
  age?: Cell<number | null>;
  guardian?: Cell<boolean>;
  gpc?: Cell<boolean>;
  saleOptOut?: Cell<boolean>;
  sensitiveLimit?: Cell<boolean>;
  allowed: boolean;
  reason: Decision["reason"];
  article: string;
}

const refused = ["denied", "withdrawn"] as const;

const table: Row[] = [
  // PIPL Art. 13: only its seven bases; no legitimate interest, no opt-out.
  { law: "PIPL", basis: null, allowed: false, reason: "not_offered", article: "PIPL Art. 13(1)" },
  // Art. 44: a restriction or refusal reaches a contract's processing and disclosed information
  // (Art. 27), not what a legal duty, an emergency, news reporting or another law keeps running.
  {
    law: "PIPL",
    basis: "contract",
    status: refused,
    allowed: false,
    reason: "denied",
    article: "PIPL Art. 44",
  },
  {
    law: "PIPL",
    basis: "disclosed_information",
    status: refused,
    allowed: false,
    reason: "denied",
    article: "PIPL Art. 27",
  },
  {
    law: "PIPL",
    basis: "contract",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(2)",
  },
  {
    law: "PIPL",
    basis: "legal_obligation",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(3)",
  },
  {
    law: "PIPL",
    basis: "emergency",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(4)",
  },
  {
    law: "PIPL",
    basis: "news_reporting",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(5)",
  },
  {
    law: "PIPL",
    basis: "disclosed_information",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(6)",
  },
  {
    law: "PIPL",
    basis: "other_law",
    allowed: true,
    reason: "not_required_consent",
    article: "PIPL Art. 13(1)(7)",
  },
  // Consent (Art. 13(1)(1)); separate consent where the law asks for it (Art. 14(1)); GPC means nothing here.
  {
    law: "PIPL",
    basis: "consent",
    kind: "standard",
    status: "denied",
    allowed: false,
    reason: "denied",
    article: "PIPL Art. 13(1)(1)",
  },
  {
    law: "PIPL",
    basis: "consent",
    kind: "separate",
    status: "denied",
    allowed: false,
    reason: "denied",
    article: "PIPL Art. 14(1)",
  },
  {
    law: "PIPL",
    basis: "consent",
    status: "withdrawn",
    allowed: false,
    reason: "withdrawn",
    article: "PIPL Art. 15",
  },
  {
    law: "PIPL",
    basis: "consent",
    age: [12, 13],
    status: null,
    allowed: false,
    reason: "guardian_required",
    article: "PIPL Art. 31",
  },
  {
    law: "PIPL",
    basis: "consent",
    age: [12, 13],
    status: "granted",
    guardian: false,
    allowed: false,
    reason: "guardian_required",
    article: "PIPL Art. 31",
  },
  {
    law: "PIPL",
    basis: "consent",
    status: "granted",
    reconsent: true,
    allowed: false,
    reason: "reconsent_required",
    article: "PIPL Art. 14(2)",
  },
  {
    law: "PIPL",
    basis: "consent",
    status: "granted",
    age: [12, 13],
    allowed: true,
    reason: "granted",
    article: "PIPL Art. 31",
  },
  {
    law: "PIPL",
    basis: "consent",
    kind: "standard",
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "PIPL Art. 13(1)(1)",
  },
  {
    law: "PIPL",
    basis: "consent",
    kind: "separate",
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "PIPL Art. 14(1)",
  },
  {
    law: "PIPL",
    basis: "consent",
    kind: "standard",
    status: null,
    allowed: false,
    reason: "not_granted",
    article: "PIPL Art. 13(1)(1)",
  },
  {
    law: "PIPL",
    basis: "consent",
    kind: "separate",
    status: null,
    allowed: false,
    reason: "not_granted",
    article: "PIPL Art. 14(1)",
  },

  // GDPR Art. 6(1)(a)–(f).
  { law: "GDPR", basis: null, allowed: false, reason: "not_offered", article: "GDPR Art. 6(1)" },
  {
    law: "GDPR",
    basis: "contract",
    allowed: true,
    reason: "not_required_consent",
    article: "GDPR Art. 6(1)(b)",
  },
  {
    law: "GDPR",
    basis: "legal_obligation",
    allowed: true,
    reason: "not_required_consent",
    article: "GDPR Art. 6(1)(c)",
  },
  {
    law: "GDPR",
    basis: "vital_interests",
    allowed: true,
    reason: "not_required_consent",
    article: "GDPR Art. 6(1)(d)",
  },
  {
    law: "GDPR",
    basis: "public_interest",
    allowed: true,
    reason: "not_required_consent",
    article: "GDPR Art. 6(1)(e)",
  },
  // Legitimate interests: allowed until the person objects (Art. 21), whatever else.
  {
    law: "GDPR",
    basis: "legitimate_interest",
    status: refused,
    allowed: false,
    reason: "objected",
    article: "GDPR Art. 21(1)",
  },
  {
    law: "GDPR",
    basis: "legitimate_interest",
    allowed: true,
    reason: "not_objected",
    article: "GDPR Art. 6(1)(f)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: "denied",
    allowed: false,
    reason: "denied",
    article: "GDPR Art. 6(1)(a)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: "withdrawn",
    allowed: false,
    reason: "withdrawn",
    article: "GDPR Art. 7(3)",
  },
  {
    law: "GDPR",
    basis: "consent",
    age: [12, 13, 14, 15],
    status: null,
    allowed: false,
    reason: "guardian_required",
    article: "GDPR Art. 8(1)",
  },
  {
    law: "GDPR",
    basis: "consent",
    age: [12, 13, 14, 15],
    status: "granted",
    guardian: false,
    allowed: false,
    reason: "guardian_required",
    article: "GDPR Art. 8(1)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: "granted",
    reconsent: true,
    allowed: false,
    reason: "reconsent_required",
    article: "GDPR Art. 6(1)(a)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: "granted",
    age: [12, 13, 14, 15],
    allowed: true,
    reason: "granted",
    article: "GDPR Art. 8(1)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "GDPR Art. 6(1)(a)",
  },
  {
    law: "GDPR",
    basis: "consent",
    status: null,
    allowed: false,
    reason: "not_granted",
    article: "GDPR Art. 6(1)(a)",
  },

  // CCPA/CPRA: opt-out of sale and sharing (§1798.120), GPC as an opt-out (11 CCR §7025), notice, opt-in.
  { law: "CCPA", basis: null, allowed: false, reason: "not_offered", article: "CCPA §1798.100(a)" },
  {
    law: "CCPA",
    basis: "notice",
    allowed: true,
    reason: "not_required_consent",
    article: "CCPA §1798.100",
  },
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    status: refused,
    gpc: true,
    allowed: false,
    reason: "gpc_opt_out",
    article: "11 CCR §7025",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    status: "denied",
    allowed: false,
    reason: "denied",
    article: "CCPA §1798.120(a)",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    status: "withdrawn",
    allowed: false,
    reason: "withdrawn",
    article: "CCPA §1798.120(a)",
  },
  // A completed request to opt out of sale and sharing stands for every opt-out purpose, those
  // created after it too, until the customer opts in to it again (then it does not stand).
  {
    law: "CCPA",
    basis: "opt_out",
    saleOptOut: true,
    allowed: false,
    reason: "opted_out",
    article: "CCPA §1798.120(d)",
  },
  // A completed limitation of sensitive information stands for a sensitive purpose the customer
  // could refuse, created after it too, until they consent again; notice-based uses go on.
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    status: [null, "granted"],
    sensitiveLimit: true,
    allowed: false,
    reason: "limited",
    article: "CCPA §1798.121(b)",
  },
  // §1798.120(c): under 13, a sale or sharing (and, our reading, a consent) needs the parent's or guardian's opt-in…
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    age: 12,
    status: null,
    allowed: false,
    reason: "guardian_required",
    article: "CCPA §1798.120(c)",
  },
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    age: 12,
    status: "granted",
    guardian: false,
    allowed: false,
    reason: "guardian_required",
    article: "CCPA §1798.120(c)",
  },
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    age: 12,
    status: "granted",
    reconsent: true,
    allowed: false,
    reason: "reconsent_required",
    article: "CCPA §1798.100(a)(1)",
  },
  {
    law: "CCPA",
    basis: ["opt_out", "consent"],
    age: 12,
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "CCPA §1798.120(c)",
  },
  // …and at 13 to 15 the consumer's own: silence is no longer consent to sell or share.
  {
    law: "CCPA",
    basis: "opt_out",
    age: [13, 14, 15],
    status: null,
    allowed: false,
    reason: "opt_in_required",
    article: "CCPA §1798.120(c)",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    age: [13, 14, 15],
    status: "granted",
    reconsent: true,
    allowed: false,
    reason: "reconsent_required",
    article: "CCPA §1798.100(a)(1)",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    age: [13, 14, 15],
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "CCPA §1798.120(c)",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "CCPA §1798.120(a)",
  },
  {
    law: "CCPA",
    basis: "opt_out",
    status: null,
    allowed: true,
    reason: "not_opted_out",
    article: "CCPA §1798.120(a)",
  },
  {
    law: "CCPA",
    basis: "consent",
    status: "denied",
    allowed: false,
    reason: "denied",
    article: "CCPA §1798.140(h)",
  },
  {
    law: "CCPA",
    basis: "consent",
    status: "withdrawn",
    allowed: false,
    reason: "withdrawn",
    article: "CCPA §1798.140(h)",
  },
  {
    law: "CCPA",
    basis: "consent",
    status: "granted",
    reconsent: true,
    allowed: false,
    reason: "reconsent_required",
    article: "CCPA §1798.100(a)(1)",
  },
  {
    law: "CCPA",
    basis: "consent",
    status: "granted",
    allowed: true,
    reason: "granted",
    article: "CCPA §1798.140(h)",
  },
  {
    law: "CCPA",
    basis: "consent",
    status: null,
    allowed: false,
    reason: "not_granted",
    article: "CCPA §1798.140(h)",
  },
];

const matches = <T>(cell: Cell<T> | undefined, value: T) =>
  cell === undefined ||
  cell === "*" ||
  (Array.isArray(cell) ? (cell as readonly T[]).includes(value) : cell === value);

interface Case {
  law: CustomerLaw;
  basis: string | null;
  kind: (typeof consentKinds)[number];
  status: Status;
  reconsent: boolean;
  age: number | null;
  guardian: boolean;
  gpc: boolean;
  saleOptOut: boolean;
  sensitiveLimit: boolean;
}

function* cases(): Generator<Case> {
  const booleans = [false, true];
  for (const law of customerLaws) {
    for (const basis of [null, ...purposeBasisIds[law]]) {
      for (const kind of consentKinds) {
        for (const status of [null, ...consentStatuses]) {
          for (const reconsent of booleans)
            for (const age of [null, 12, 13, 14, 15])
              for (const guardian of booleans)
                for (const gpc of booleans)
                  for (const saleOptOut of booleans)
                    for (const sensitiveLimit of booleans)
                      yield {
                        law,
                        basis,
                        kind,
                        status,
                        reconsent,
                        age,
                        guardian,
                        gpc,
                        saleOptOut,
                        sensitiveLimit,
                      };
        }
      }
    }
  }
}

const rowFor = (c: Case) =>
  table.find(
    (r) =>
      r.law === c.law &&
      matches(r.basis, c.basis) &&
      matches(r.kind, c.kind) &&
      matches(r.status, c.status) &&
      matches(r.reconsent, c.reconsent) &&
      matches(r.age, c.age) &&
      matches(r.guardian, c.guardian) &&
      matches(r.gpc, c.gpc) &&
      matches(r.saleOptOut, c.saleOptOut) &&
      matches(r.sensitiveLimit, c.sensitiveLimit),
  );

describe("the consent decision table", () => {
  it("answers every combination as the table says, and every row of the table is reached", () => {
    const used = new Set<Row>();
    let count = 0;
    for (const c of cases()) {
      count += 1;
      const row = rowFor(c);
      expect(row, JSON.stringify(c)).toBeDefined();
      used.add(row!);
      const decision = decide({
        laws: [c.law],
        bases: (c.basis === null ? {} : { [c.law]: c.basis }) as PurposeBases,
        consentKind: c.kind,
        status: c.status,
        reconsentRequired: c.reconsent,
        minorAges: c.age === null ? {} : { [c.law]: c.age },
        gdprChildAge: 16,
        byGuardian: c.guardian,
        gpc: c.gpc,
        saleOptedOut: c.saleOptOut,
        sensitiveLimited: c.sensitiveLimit,
      });
      expect(decision, JSON.stringify(c)).toEqual({
        allowed: row!.allowed,
        reason: row!.reason,
        law: c.law,
        article: row!.article,
      });
    }
    // 3 laws with 8, 7 and 4 basis choices (none included) × 2 kinds × 4 states × 5 ages × 2⁵.
    expect(count).toBe((8 + 7 + 4) * 2 * 4 * 5 * 32);
    expect(table.filter((r) => !used.has(r))).toEqual([]);
  });
});

/** The demo's sale_share_ads: separate consent (sharing) under PIPL, consent under GDPR, opt-out under CCPA. */
const saleShareAds: PurposeBases = { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" };
const adult = {
  consentKind: "separate" as const,
  reconsentRequired: false,
  minorAges: {},
  gdprChildAge: 16,
  byGuardian: false,
  gpc: false,
  saleOptedOut: false,
  sensitiveLimited: false,
};

describe("a customer under several laws", () => {
  it.each([
    [
      ["CCPA"],
      null,
      false,
      { allowed: true, reason: "not_opted_out", law: "CCPA", article: "CCPA §1798.120(a)" },
    ],
    [
      ["PIPL"],
      null,
      false,
      { allowed: false, reason: "not_granted", law: "PIPL", article: "PIPL Art. 14(1)" },
    ],
    [
      ["PIPL", "CCPA"],
      null,
      false,
      { allowed: false, reason: "not_granted", law: "PIPL", article: "PIPL Art. 14(1)" },
    ],
    [
      ["CCPA", "PIPL"],
      "granted",
      false,
      { allowed: true, reason: "granted", law: "PIPL", article: "PIPL Art. 14(1)" },
    ],
    [
      ["CCPA", "GDPR"],
      "withdrawn",
      true,
      { allowed: false, reason: "withdrawn", law: "GDPR", article: "GDPR Art. 7(3)" },
    ],
    [
      ["CCPA"],
      "withdrawn",
      true,
      { allowed: false, reason: "gpc_opt_out", law: "CCPA", article: "11 CCR §7025" },
    ],
  ] as const)(
    "%j with %s (GPC %s): any denial governs, named by its law and article",
    (laws, status, gpc, expected) => {
      expect(decide({ ...adult, laws, bases: saleShareAds, status, gpc })).toEqual(expected);
    },
  );

  it("is denied a purpose with no basis under one of their laws, whatever the others allow", () => {
    const legitimate: PurposeBases = { GDPR: "legitimate_interest" };
    expect(decide({ ...adult, laws: ["GDPR"], bases: legitimate, status: null })).toMatchObject({
      allowed: true,
      reason: "not_objected",
    });
    expect(decide({ ...adult, laws: ["GDPR", "PIPL"], bases: legitimate, status: null })).toEqual({
      allowed: false,
      reason: "not_offered",
      law: "PIPL",
      article: "PIPL Art. 13(1)",
    });
    expect(decide({ ...adult, laws: [], bases: legitimate, status: null })).toEqual({
      allowed: false,
      reason: "not_offered",
      law: null,
      article: null,
    });
  });

  it("is asked under the strictest basis among their laws", () => {
    expect(choiceOf(["CCPA"], saleShareAds)).toEqual({
      law: "CCPA",
      basis: "opt_out",
      model: "opt_out",
    });
    expect(choiceOf(["CCPA", "PIPL"], saleShareAds)).toEqual({
      law: "PIPL",
      basis: "consent",
      model: "consent",
    });
    expect(choiceOf(["CCPA", "GDPR"], { GDPR: "legitimate_interest", CCPA: "opt_out" })).toEqual({
      law: "GDPR",
      basis: "legitimate_interest",
      model: "objection",
    });
    expect(choiceOf(["PIPL"], { GDPR: "legitimate_interest" })).toBeNull();
  });
});

describe("a minor's age under each law", () => {
  const consent: PurposeBases = { GDPR: "consent" };
  const ownGrant = { ...adult, bases: consent, status: "granted" as const };
  it.each([
    [16, 15, false, "guardian_required"],
    [15, 15, true, "granted"],
    [15, 14, false, "guardian_required"],
    [14, 14, true, "granted"],
    [13, 12, false, "guardian_required"],
    [13, 13, true, "granted"],
  ] as const)(
    "GDPR Art. 8 at the organisation's age %i: a %i-year-old's own grant counts: %s",
    (gdprChildAge, age, allowed, reason) => {
      expect(
        decide({ ...ownGrant, laws: ["GDPR"], minorAges: { GDPR: age }, gdprChildAge }),
      ).toMatchObject({ allowed, reason, law: "GDPR" });
    },
  );

  it("a 15-year-old under PIPL and CCPA: PIPL treats them as an adult, CCPA asks their own opt-in to a sale", () => {
    const both = { ...adult, laws: ["PIPL", "CCPA"] as const, bases: saleShareAds };
    expect(decide({ ...both, status: null, minorAges: { PIPL: 15, CCPA: 15 } })).toMatchObject({
      allowed: false,
      reason: "not_granted",
      law: "PIPL",
    });
    expect(decide({ ...both, status: "granted", minorAges: { PIPL: 15, CCPA: 15 } })).toMatchObject(
      { allowed: true, reason: "granted" },
    );
    // On their 16th birthday in Beijing, still 15 in California: CCPA's calendar decides its own rule.
    expect(
      decide({
        ...adult,
        laws: ["CCPA"],
        bases: saleShareAds,
        status: null,
        minorAges: { CCPA: 15 },
      }),
    ).toMatchObject({ allowed: false, reason: "opt_in_required", article: "CCPA §1798.120(c)" });
  });

  it("says which purposes only a guardian's grant opens", () => {
    const ages = (age: number) => ({ PIPL: age, GDPR: age, CCPA: age });
    const need = (laws: CustomerLaw[], age: number, bases: PurposeBases) =>
      guardianNeeded({ laws, bases, minorAges: ages(age), gdprChildAge: 16 });
    expect(need(["CCPA"], 15, saleShareAds)).toBe(false);
    expect(need(["CCPA"], 12, saleShareAds)).toBe(true);
    expect(need(["GDPR"], 15, saleShareAds)).toBe(true);
    expect(need(["GDPR"], 15, { GDPR: "legitimate_interest" })).toBe(false);
    expect(need(["PIPL"], 13, saleShareAds)).toBe(true);
    expect(need(["PIPL"], 14, saleShareAds)).toBe(false);
    expect(need(["PIPL"], 13, { PIPL: "contract" })).toBe(false);
  });
});
