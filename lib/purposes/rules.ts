import type { CustomerLaw } from "@/db/schema/customers";
import { basisRule } from "@/lib/consent/legal-bases";
import { needsSeparateConsent } from "@/lib/data-categories/options";
import { HOME_REGION } from "@/lib/vendors/options";

/** A vendor a purpose sends data to, as the rules see it. */
export interface RecipientFacts {
  name: string;
  /** entrusted_processor | independent_handler | joint_handler (db/schema/vendors.ts). */
  role: string;
  /** Where the vendor is: a region id of lib/vendors/options.ts ("CN" is mainland China). */
  country: string;
}

/** What the rules read of a purpose. */
export interface PurposeFacts {
  /** The purpose's basis per law (`purposes.bases`); PIPL's decides sharing and transfers, any consent basis the rest. */
  bases: Partial<Record<CustomerLaw, string>>;
  consentKind: string;
  separateGrounds: readonly string[];
  dataCategories: readonly string[];
  /** Ticked by hand; a sensitive data category makes the purpose sensitive whatever this says. */
  sensitive: boolean;
  /** Where the data goes outside mainland China; null: it stays there. */
  crossBorderDestination: string | null;
  transferMechanism: string | null;
  /** The recipient vendors; left out while they are not known yet (the form's own check). */
  recipients?: readonly RecipientFacts[];
}

/** One broken rule: the form field it belongs to, its message key under `errors.`, and the message's values. */
export interface Violation {
  field:
    | "consentKind"
    | "separateGrounds"
    | "crossBorderDestination"
    | "transferMechanism"
    | "recipientVendorIds";
  key: string;
  values?: Record<string, string | number>;
}

/** Mainland China: where a purpose without a destination keeps its data. */
const DOMESTIC = HOME_REGION;
const handlesOnItsOwn = (role: string) =>
  role === "independent_handler" || role === "joint_handler";

/** Whether any law's basis for the purpose is consent: then the customer is asked, and how matters. */
export const consentBased = (bases: PurposeFacts["bases"]) =>
  (Object.entries(bases) as Array<[CustomerLaw, string | undefined]>).some(
    ([law, basis]) => basis !== undefined && basisRule(law, basis)?.model === "consent",
  );

/**
 * Why a purpose must be asked with separate consent (单独同意), each with the ground it must name
 * and the message saying so: sensitive information on any consent basis (PIPL Art. 29; GDPR
 * Art. 9(2)(a) explicit consent); and, where its PIPL basis is consent, providing it to another
 * handler (Art. 23; a joint handler too, Art. 20) and transferring it abroad (Art. 39). On another
 * PIPL basis (a contract, a legal duty) no consent is asked at all (Art. 13(2)).
 */
function separateConsentReasons(p: PurposeFacts): Array<{ ground: string; key: string }> {
  const reasons: Array<{ ground: string; key: string }> = [];
  if (p.sensitive || needsSeparateConsent(p.dataCategories))
    reasons.push({ ground: "sensitive", key: "purposeSensitiveNeedsSeparate" });
  if (p.bases.PIPL !== "consent") return reasons;
  if (p.recipients?.some((r) => handlesOnItsOwn(r.role)))
    reasons.push({ ground: "sharing", key: "purposeSharingNeedsSeparate" });
  if (p.crossBorderDestination)
    reasons.push({ ground: "cross_border", key: "purposeCrossBorderNeedsSeparate" });
  return reasons;
}

/**
 * A transfer abroad without the route of PIPL Art. 38 that makes it lawful: refused on every save,
 * and shown as needing attention on purposes saved before the field existed (migration 0019).
 */
export const lacksTransferMechanism = (
  p: Pick<PurposeFacts, "crossBorderDestination" | "transferMechanism">,
) => !!p.crossBorderDestination && !p.transferMechanism;

/**
 * Every rule a purpose breaks, in the order a person would fix them; empty when it may be saved.
 * Pure: the form's validation runs it without recipients, the create and edit commands again
 * with the recipients' roles and countries read from the vendor registry.
 */
export function purposeViolations(p: PurposeFacts): Violation[] {
  const out: Violation[] = [];
  const separate = p.consentKind === "separate";
  const onConsent = consentBased(p.bases);
  const grounds = p.separateGrounds;

  if (separate && !onConsent)
    out.push({ field: "consentKind", key: "purposeSeparateNeedsConsent" });
  if (separate && grounds.length === 0)
    out.push({ field: "separateGrounds", key: "purposeGroundRequired" });
  if (separate && grounds.includes("cross_border") && !p.crossBorderDestination)
    out.push({ field: "crossBorderDestination", key: "purposeDestinationRequired" });
  if (onConsent) {
    for (const reason of separateConsentReasons(p)) {
      if (!separate) out.push({ field: "consentKind", key: reason.key });
      else if (!grounds.includes(reason.ground))
        out.push({ field: "separateGrounds", key: reason.key });
    }
  }
  // Whatever the basis, a transfer abroad rests on one of the routes of Art. 38.
  if (lacksTransferMechanism(p))
    out.push({ field: "transferMechanism", key: "purposeMechanismRequired" });
  const destination = p.crossBorderDestination ?? DOMESTIC;
  const elsewhere = (p.recipients ?? []).filter((r) => r.country !== destination);
  if (elsewhere.length > 0) {
    out.push({
      field: "recipientVendorIds",
      key: p.crossBorderDestination
        ? "purposeRecipientOutsideDestination"
        : "purposeRecipientAbroad",
      values: { vendor: elsewhere[0].name, others: elsewhere.length - 1 },
    });
  }
  return out;
}

/** The first violation of each field, as `errors.` keys, and the values their messages use (for AppError). */
export function violationFields(violations: readonly Violation[]): {
  fields: Record<string, string>;
  values: Record<string, string | number>;
} {
  const fields: Record<string, string> = {};
  let values: Record<string, string | number> = {};
  for (const v of violations) {
    if (fields[v.field]) continue;
    fields[v.field] = v.key;
    values = { ...values, ...v.values };
  }
  return { fields, values };
}
