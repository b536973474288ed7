import type { ConsentStatus } from "@/db/schema/consent";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import { customerLaws, type CustomerLaw } from "@/db/schema/customers";
import { basisRule, lawRules, minorRuleOf, type BasisModel } from "./legal-bases";

export const checkReasons = [
  "granted",
  "not_granted",
  "denied",
  "withdrawn",
  "reconsent_required",
  "guardian_required",
  "opt_in_required",
  "not_required_consent",
  "not_opted_out",
  "gpc_opt_out",
  "opted_out",
  "limited",
  "not_objected",
  "objected",
  "not_offered",
  "unknown_purpose",
  "unknown_customer",
] as const;
export type CheckReason = (typeof checkReasons)[number];

export interface Decision {
  allowed: boolean;
  reason: CheckReason;
  /** The law whose rule decided; null when the customer or the purpose is unknown. */
  law: CustomerLaw | null;
  /** The article of that law the decision rests on, e.g. "PIPL Art. 13(1)(1)". */
  article: string | null;
}

/** What one purpose and one customer's current state (if any) say about processing. */
export interface DecisionInput {
  /** The laws that apply to the customer (applicableLaws): never empty. */
  laws: readonly CustomerLaw[];
  bases: PurposeBases;
  /** How consent is asked where a basis is consent. */
  consentKind: ConsentKind;
  status: ConsentStatus | null;
  /** The state is a grant given before the purpose's last material change. */
  reconsentRequired: boolean;
  /**
   * The customer's age under each of their laws, on that law's calendar today (minorAges); a law
   * absent when the age is unknown or at least 16, where no minor rule reaches.
   */
  minorAges: Partial<Record<CustomerLaw, number>>;
  /** The organisation's GDPR Art. 8 age (13–16). */
  gdprChildAge: number;
  /** The state's event came from a verified guardian. */
  byGuardian: boolean;
  /** The state's event was recorded from a Global Privacy Control signal. */
  gpc: boolean;
  /**
   * The customer's completed CCPA opt-out of sale and sharing stands for this purpose: they have
   * not opted in to it again since (`customers.sale_opt_out_at`, read by the check's SQL).
   */
  saleOptedOut: boolean;
  /**
   * The customer's completed CCPA limitation of sensitive personal information stands for this
   * purpose: it uses a category CPRA calls sensitive, and they have not consented to it since.
   */
  sensitiveLimited: boolean;
}

/**
 * The decision under one law, from the purpose's basis under it (lib/consent/legal-bases.ts):
 * - no basis under this law: the purpose is not offered to the customer, so it is denied;
 * - none (contract, legal duty, notice…): allowed, nothing to ask — unless the customer restricted
 *   or refused it where the law lets them (PIPL Art. 44, `restrictable`);
 * - objection (GDPR legitimate interest): allowed until the customer objects (Art. 21);
 * - consent: denied until granted; a grant given before a material change must be given again;
 * - opt-out (CCPA sale/sharing): allowed until the customer (or a GPC signal) opts out of it, or
 *   their completed request to opt out of sale and sharing, which reaches purposes created after
 *   it too (§1798.120(a)), stands for it.
 * A minor (the law's `minors` rules: PIPL under 14, GDPR under the organisation's Art. 8 age, CCPA
 * under 16 for sale and sharing, under 13 also for consent) is allowed what the rule reaches only
 * by an opt-in the rule's `by` gave: their verified guardian's grant, or (CCPA, 13 to 15) their own.
 */
export function decideUnder(law: CustomerLaw, input: DecisionInput): Decision {
  const rules = lawRules[law];
  const allow = (reason: CheckReason, article: string): Decision => ({
    allowed: true,
    reason,
    law,
    article,
  });
  const deny = (reason: CheckReason, article: string): Decision => ({
    allowed: false,
    reason,
    law,
    article,
  });
  const basis = input.bases[law];
  const rule = basis === undefined ? undefined : basisRule(law, basis);
  if (!rule) return deny("not_offered", rules.noBasis);
  const { status } = input;
  const refused = status === "denied" || status === "withdrawn";
  if (rule.model === "none")
    return refused && rule.restrictable
      ? deny("denied", rule.restrictable)
      : allow("not_required_consent", rule.article);

  if (rule.model === "objection")
    return refused
      ? deny("objected", rule.refused ?? rule.article)
      : allow("not_objected", rule.article);

  const asked =
    rule.model === "consent" && input.consentKind === "separate"
      ? rules.separateConsent
      : rule.article;
  if (refused) {
    if (input.gpc && rules.gpc) return deny("gpc_opt_out", rules.gpc);
    if (status === "withdrawn")
      return deny(
        "withdrawn",
        rule.model === "consent" ? rules.withdrawn : (rule.refused ?? rule.article),
      );
    return deny("denied", rule.refused ?? asked);
  }
  if (rule.model === "opt_out" && input.saleOptedOut)
    return deny("opted_out", rule.standing ?? rule.article);
  if (input.sensitiveLimited && rules.limitSensitive?.models.includes(rule.model))
    return deny("limited", rules.limitSensitive.article);
  const minor = minorRuleOf(law, rule.model, input.minorAges[law], input.gdprChildAge);
  if (minor && !(status === "granted" && (minor.by === "self" || input.byGuardian)))
    return deny(minor.by === "guardian" ? "guardian_required" : "opt_in_required", minor.article);
  const optIn = rule.model === "consent" || minor !== undefined;
  if (status === "granted" && optIn && input.reconsentRequired)
    return deny("reconsent_required", rules.reconsent);
  if (status === "granted") return allow("granted", minor ? minor.article : asked);
  return rule.model === "consent"
    ? deny("not_granted", asked)
    : allow("not_opted_out", rule.article);
}

/**
 * The decision for a customer under every law that applies to them: any denial governs, and the
 * answer names the law and article that decided (laws taken in a fixed order: PIPL, GDPR, CCPA).
 */
export function decide(input: DecisionInput): Decision {
  const laws = customerLaws.filter((law) => input.laws.includes(law));
  const decisions = laws.map((law) => decideUnder(law, input));
  return (
    decisions.find((d) => !d.allowed) ??
    decisions[0] ?? { allowed: false, reason: "not_offered", law: null, article: null }
  );
}

/** Whether a purpose is offered to a customer at all: it has a basis under every law that applies to them. */
export const offeredTo = (laws: readonly CustomerLaw[], bases: PurposeBases) =>
  laws.every((law) => bases[law] !== undefined);

/** The law, basis and decision model a customer's choice about a purpose follows. */
export interface Choice {
  law: CustomerLaw;
  basis: string;
  model: BasisModel;
}

const strictness: Record<BasisModel, number> = { consent: 3, objection: 2, opt_out: 1, none: 0 };

/**
 * How a customer's choice about a purpose works under their laws: the strictest basis governs
 * (consent over objection, over opt-out, over none), so a customer under PIPL and CCPA is asked
 * to consent to what a Californian alone could only opt out of. Null when the purpose is not offered to them.
 */
export function choiceOf(laws: readonly CustomerLaw[], bases: PurposeBases): Choice | null {
  if (!offeredTo(laws, bases)) return null;
  const each = customerLaws
    .filter((law) => laws.includes(law))
    .map((law) => ({ law, basis: bases[law]!, model: basisRule(law, bases[law]!)!.model }));
  return each.reduce<Choice | null>(
    (strictest, c) =>
      strictest && strictness[strictest.model] >= strictness[c.model] ? strictest : c,
    null,
  );
}

/** Whether only a verified guardian's grant counts for this purpose for this customer, under any of their laws. */
export function guardianNeeded(
  input: Pick<DecisionInput, "laws" | "bases" | "minorAges" | "gdprChildAge">,
): boolean {
  return input.laws.some((law) => {
    const basis = input.bases[law];
    const rule = basis === undefined ? undefined : basisRule(law, basis);
    return (
      rule !== undefined &&
      minorRuleOf(law, rule.model, input.minorAges[law], input.gdprChildAge)?.by === "guardian"
    );
  });
}
