import { z } from "zod";
import { requestTypes } from "@/db/schema/requests";
import { personalFieldNames, type PersonalField } from "@/lib/customers/fields";

/** The types a customer can ask for in the portal, in the order the form shows them. */
export const portalRequestTypes = requestTypes;

/** Fields a requester can ask to correct (the vault's personal fields). */
export const rectifiableFields: readonly PersonalField[] = personalFieldNames;

export const MESSAGE_MAX = 2000;

/**
 * What the portal form sends. Free text (a message, corrected values) is sealed, never stored in
 * `details` or audited. Type-specific rules are checked in `submitPortalRequest`.
 */
export const portalRequestInput = z.object({
  type: z.enum(portalRequestTypes),
  message: z.string().trim().max(MESSAGE_MAX).default(""),
  purposeIds: z.array(z.uuid()).max(50).default([]),
  corrections: z
    .array(
      z.object({
        field: z.enum(personalFieldNames as [PersonalField, ...PersonalField[]]),
        value: z.string().trim().min(1).max(500),
      }),
    )
    .max(rectifiableFields.length)
    .default([]),
});
export type PortalRequestInput = z.infer<typeof portalRequestInput>;

export const replyInput = z.object({
  token: z.string().min(20).max(200),
  message: z.string().trim().min(1).max(MESSAGE_MAX),
});
