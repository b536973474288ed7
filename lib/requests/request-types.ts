import type { CustomerLaw } from "@/db/schema/customers";
import type { RequestType } from "@/db/schema/requests";

/**
 * Which law gives the right each request type asks for. A type is offered to a customer when any
 * of their laws has it; only those laws' clocks run on the request.
 */
export const requestTypeLaws: Record<RequestType, readonly CustomerLaw[]> = {
  access: ["PIPL", "GDPR", "CCPA"], // PIPL Art. 45; GDPR Art. 15; Cal. Civ. Code §1798.110
  portability: ["PIPL", "GDPR", "CCPA"], // PIPL Art. 45(3); GDPR Art. 20; §1798.130(a)(3)(B)(iii) (portable format)
  rectification: ["PIPL", "GDPR", "CCPA"], // PIPL Art. 46; GDPR Art. 16; §1798.106
  erasure: ["PIPL", "GDPR", "CCPA"], // PIPL Art. 47; GDPR Art. 17; §1798.105
  restriction: ["PIPL", "GDPR"], // PIPL Art. 44; GDPR Art. 18
  objection: ["PIPL", "GDPR"], // PIPL Art. 44 (refuse); GDPR Art. 21
  withdraw_consent: ["PIPL", "GDPR"], // PIPL Art. 15; GDPR Art. 7(3)
  account_cancellation: ["PIPL", "GDPR", "CCPA"], // PIPL Art. 47 with the platform's cancellation duty; elsewhere a service request
  question: ["PIPL", "GDPR", "CCPA"],
  opt_out_sale_sharing: ["CCPA"], // §1798.120; 11 CCR §7026
  limit_sensitive: ["CCPA"], // §1798.121; 11 CCR §7027
};

/** The laws among `laws` under which `type` can be asked for (empty: not available to this customer). */
export function lawsOffering(type: RequestType, laws: readonly CustomerLaw[]): CustomerLaw[] {
  return laws.filter((law) => requestTypeLaws[type].includes(law));
}
