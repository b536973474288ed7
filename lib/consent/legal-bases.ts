/**
 * The legal bases a purpose can rest on, per law, with the article beside each, and the articles
 * the consent decision cites (lib/consent/decide.ts). Data only, no database or server code: the
 * purpose form (a client component) reads the same lists. The ids are the database's vocabulary
 * (`purposeBasisIds` in db/schema/purposes.ts); the types below make both lists the same.
 *
 * In force: PIPL 2021-11-01; GDPR 2018-05-25; CCPA as amended by CPRA 2023-01-01, with its
 * regulations (11 CCR §7000 ff.). Changing a row here changes every decision; the decision table
 * (decide.test.ts) says whether it still matches the law.
 */
import type { CustomerLaw } from "@/db/schema/customers";
import type { BasisOf } from "@/db/schema/purposes";

/**
 * How a basis decides:
 * - consent: denied until the customer grants (silence, pre-ticked boxes and opt-out are not consent);
 * - opt_out: allowed until the customer opts out (or a Global Privacy Control signal does);
 * - objection: allowed until the customer objects (GDPR Art. 21);
 * - none: allowed, the customer is informed but has no choice (contract, legal duty, notice…).
 */
export type BasisModel = "consent" | "opt_out" | "objection" | "none";

export interface BasisRule {
  model: BasisModel;
  article: string;
  /** The article that makes the customer's refusal binding, where it is not the basis's own. */
  refused?: string;
  /**
   * Processing that needs no consent but that the customer may still restrict or refuse: the
   * article that lets them (PIPL Art. 44; Art. 27 for information they disclosed). A basis without
   * it goes on whatever they ask, because the law still permits it.
   */
  restrictable?: string;
  /**
   * A standing direction not to sell or share (a completed opt-out request) that reaches this
   * basis for purposes created after it too, until the customer consents again: its article.
   */
  standing?: string;
}

/**
 * A law's rule for a customer below an age: the bases it reaches need an opt-in that only `by`
 * may give — the customer's guardian (a verified guardian's grant, `by_guardian`) or the customer
 * themselves (their own grant; silence or an opt-out model no longer allows it).
 */
export interface MinorRule {
  /** Below this age in whole years, counted on the law's calendar (lib/customers/minor-age.ts); "gdprChildAge": the organisation's setting. */
  under: number | "gdprChildAge";
  models: readonly BasisModel[];
  by: "guardian" | "self";
  article: string;
}

/**
 * GDPR Art. 8(1): the age below which a parent consents for an information-society service
 * offered directly to a child is 16 unless the member state sets a lower one, not below 13
 * (e.g. 13 in Belgium and Denmark, 14 in Austria and Italy, 15 in France, 16 in Germany, Ireland
 * and the Netherlands). The organisation sets its establishment's (`organizations.gdpr_child_age`).
 */
export const gdprChildAgeRule = {
  default: 16,
  min: 13,
  max: 16,
  source: "GDPR Art. 8(1) (2018-05-25)",
} as const;

export interface LawRules<L extends CustomerLaw> {
  bases: Record<BasisOf<L>, BasisRule>;
  /** Separate consent (单独同意) where the law asks for it; else the consent basis's article. */
  separateConsent: string;
  /** Processing on no basis of this law (the purpose declares none for it). */
  noBasis: string;
  /** Consent withdrawn. */
  withdrawn: string;
  /** A grant given before a material change of the purpose (new consent needed). */
  reconsent: string;
  /** Minors: the youngest band first, the first whose age and model match applies. */
  minors: readonly MinorRule[];
  /**
   * A standing limitation of the use of sensitive personal information: the basis models it
   * reaches for a purpose using a category the law calls sensitive; null where the law has none.
   */
  limitSensitive: { models: readonly BasisModel[]; article: string } | null;
  /** An opt-out recorded from a Global Privacy Control signal; null where the law gives it no effect. */
  gpc: string | null;
}

export const lawRules: { [L in CustomerLaw]: LawRules<L> } = {
  PIPL: {
    // Art. 13: only these; PIPL has no legitimate interest. Art. 44: the person may restrict or
    // refuse processing "unless laws or administrative regulations provide otherwise": a legal
    // duty or another law's case (13(1)(3), (7)), an emergency for life, health or property (4) and
    // news reporting in the public interest (5) go on; a contract's processing may be restricted
    // (the platform may then be unable to perform it), and disclosed information stops on an
    // express refusal (Art. 27).
    bases: {
      consent: { model: "consent", article: "PIPL Art. 13(1)(1)" },
      contract: { model: "none", article: "PIPL Art. 13(1)(2)", restrictable: "PIPL Art. 44" },
      legal_obligation: { model: "none", article: "PIPL Art. 13(1)(3)" },
      emergency: { model: "none", article: "PIPL Art. 13(1)(4)" },
      news_reporting: { model: "none", article: "PIPL Art. 13(1)(5)" },
      disclosed_information: {
        model: "none",
        article: "PIPL Art. 13(1)(6)",
        restrictable: "PIPL Art. 27",
      },
      other_law: { model: "none", article: "PIPL Art. 13(1)(7)" },
    },
    separateConsent: "PIPL Art. 14(1)",
    noBasis: "PIPL Art. 13(1)",
    withdrawn: "PIPL Art. 15",
    reconsent: "PIPL Art. 14(2)",
    // Art. 31: under 14, a parent's or other guardian's consent; their information is sensitive (Art. 28).
    minors: [{ under: 14, models: ["consent"], by: "guardian", article: "PIPL Art. 31" }],
    limitSensitive: null,
    gpc: null,
  },
  GDPR: {
    bases: {
      consent: { model: "consent", article: "GDPR Art. 6(1)(a)" },
      contract: { model: "none", article: "GDPR Art. 6(1)(b)" },
      legal_obligation: { model: "none", article: "GDPR Art. 6(1)(c)" },
      vital_interests: { model: "none", article: "GDPR Art. 6(1)(d)" },
      public_interest: { model: "none", article: "GDPR Art. 6(1)(e)" },
      legitimate_interest: {
        model: "objection",
        article: "GDPR Art. 6(1)(f)",
        refused: "GDPR Art. 21(1)",
      },
    },
    separateConsent: "GDPR Art. 6(1)(a)",
    noBasis: "GDPR Art. 6(1)",
    withdrawn: "GDPR Art. 7(3)",
    reconsent: "GDPR Art. 6(1)(a)",
    // Art. 8(1): consent for an information-society service offered directly to a child below the
    // member state's age is given or authorised by the holder of parental responsibility.
    minors: [
      { under: "gdprChildAge", models: ["consent"], by: "guardian", article: "GDPR Art. 8(1)" },
    ],
    limitSensitive: null,
    gpc: null,
  },
  CCPA: {
    bases: {
      // Sale, sharing (cross-context behavioural ads) and limiting sensitive information: opt-out.
      opt_out: { model: "opt_out", article: "CCPA §1798.120(a)", standing: "CCPA §1798.120(d)" },
      notice: { model: "none", article: "CCPA §1798.100" },
      consent: { model: "consent", article: "CCPA §1798.140(h)" },
    },
    separateConsent: "CCPA §1798.140(h)",
    noBasis: "CCPA §1798.100(a)",
    withdrawn: "CCPA §1798.140(h)",
    reconsent: "CCPA §1798.100(a)(1)",
    // §1798.120(c): a business that knows a consumer is under 16 does not sell or share their
    // information unless it is affirmatively authorised: by the consumer at 13 to 15, by a parent
    // or guardian under 13 (11 CCR §7070 verifies that it is the parent). An under-13's consent
    // (§1798.140(h) lets a guardian give it) is left to the parent too: our reading, with COPPA
    // (15 U.S.C. §6502) in mind — verify with counsel.
    minors: [
      { under: 13, models: ["opt_out", "consent"], by: "guardian", article: "CCPA §1798.120(c)" },
      { under: 16, models: ["opt_out"], by: "self", article: "CCPA §1798.120(c)" },
    ],
    // §1798.121(b): after a direction to limit, sensitive information is used or disclosed only for
    // the purposes §1798.121(a) allows unless the consumer later consents; a use declared on notice
    // is read as one of those (11 CCR §7027(m)) and goes on.
    limitSensitive: { models: ["opt_out", "consent"], article: "CCPA §1798.121(b)" },
    gpc: "11 CCR §7025",
  },
};

/** The basis ids a law offers, in the order its article lists them. */
export const basisIdsOf = <L extends CustomerLaw>(law: L) =>
  Object.keys(lawRules[law].bases) as BasisOf<L>[];

/** The rule for a basis under a law, or undefined when the law has no such basis (legitimate interest under PIPL). */
export function basisRule(law: CustomerLaw, basis: string): BasisRule | undefined {
  return (lawRules[law].bases as Record<string, BasisRule>)[basis];
}

/** Whether a customer can refuse the purpose under this basis (so it cannot be "required"). */
export const refusable = (law: CustomerLaw, basis: string) => {
  const model = basisRule(law, basis)?.model;
  return model === "consent" || model === "opt_out" || model === "objection";
};

/** Whether a restriction or refusal reaches processing on these bases that needs no consent, under any of the customer's laws (PIPL Art. 44). */
export const restrictionReaches = (
  laws: readonly CustomerLaw[],
  bases: Partial<Record<CustomerLaw, string>>,
) =>
  laws.some(
    (law) => bases[law] !== undefined && basisRule(law, bases[law]!)?.restrictable !== undefined,
  );

/** The age a minor rule's band ends at, for an organisation's GDPR child age. */
export const minorRuleAge = (rule: MinorRule, gdprChildAge: number) =>
  rule.under === "gdprChildAge" ? gdprChildAge : rule.under;

/** The minor rule a basis model falls under for a customer of this age under this law, if any (undefined: no age known, or old enough). */
export function minorRuleOf(
  law: CustomerLaw,
  model: BasisModel,
  age: number | undefined,
  gdprChildAge: number,
): MinorRule | undefined {
  if (age === undefined) return undefined;
  return lawRules[law].minors.find(
    (rule) => rule.models.includes(model) && age < minorRuleAge(rule, gdprChildAge),
  );
}

/** Whether, at this age, anything under this law is consented to by a guardian only. */
export const guardianAgeUnder = (law: CustomerLaw, age: number | undefined, gdprChildAge: number) =>
  age !== undefined &&
  lawRules[law].minors.some(
    (rule) => rule.by === "guardian" && age < minorRuleAge(rule, gdprChildAge),
  );

/** The oldest age any minor rule reaches: a birth date is kept (in clear, for the check) only below it. */
export const oldestMinorAge = Math.max(
  ...Object.values(lawRules).flatMap((rules) =>
    rules.minors.map((rule) => minorRuleAge(rule, gdprChildAgeRule.max)),
  ),
);
