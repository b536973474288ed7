"use server";

import { z } from "zod";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { definePortalAction } from "@/lib/portal/define-portal-action";
import { PORTAL_LIMITS } from "@/lib/portal/limits";
import { portalRequestInput, rectifiableFields } from "@/lib/requests/requester/schemas";
import { renewTrackingLink } from "@/lib/requests/requester/relink";
import { submitPortalRequest, type PortalSubmission } from "@/lib/requests/requester/submit";

/*
 * The request portal's submission, through definePortalAction: it needs the signed "requests"
 * portal session that only a verified one-time code starts (identity/actions.ts), and every
 * write is audited as that customer. So is a new tracking link for a requester who lost theirs.
 */

export interface RenewedLink {
  reference: string;
  token: string;
}

/** The form's fields as the schema reads them: `correct_<field>` inputs become corrections. */
function submission(formData: FormData) {
  return {
    type: formData.get("type") ?? undefined,
    message: String(formData.get("message") ?? ""),
    purposeIds: formData.getAll("purposeIds").map(String),
    fields: formData.getAll("fields").map(String),
    ...Object.fromEntries(
      rectifiableFields.map((field) => [
        `correct_${field}`,
        String(formData.get(`correct_${field}`) ?? ""),
      ]),
    ),
    corrections: rectifiableFields
      .filter((field) => formData.getAll("fields").includes(field))
      .map((field) => ({ field, value: String(formData.get(`correct_${field}`) ?? "") })),
  };
}

/**
 * Step 3: the request. Returns the reference and the tracking token (shown once, never stored in
 * clear), and the open request it duplicates, if any. Field values are never echoed into logs.
 */
export const submitRequestAction = definePortalAction({
  session: "requests",
  messages: "portalRequests.form.errors",
  schema: portalRequestInput,
  input: submission,
  throttle: PORTAL_LIMITS.request,
  invalid: (error, raw, t) => {
    const corrections = raw.corrections as Array<{ field: string }>;
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) {
      const [head, index, leaf] = issue.path;
      if (head === "corrections" && typeof index === "number" && leaf === "value")
        fieldErrors[`correct_${corrections[index]?.field}`] = t("value");
      else if (head === "type") fieldErrors.type = t("type");
      else if (head === "message") fieldErrors.message = t("messageTooLong");
      else fieldErrors._form = t("invalid");
    }
    return { message: t("fix"), fieldErrors };
  },
  refused: (error, t) => {
    if (error.code !== "invalid") return undefined;
    const [field, key] = Object.entries(error.fieldErrors ?? {})[0] ?? ["_form", "invalid"];
    const message =
      field === "type"
        ? t("typeNotUnderLaw")
        : field === "purposeIds"
          ? t("purposes")
          : field === "corrections"
            ? t("corrections")
            : field === "message"
              ? t("message")
              : key === "required"
                ? t("invalid")
                : t("value");
    return { message, fieldErrors: { [field]: message } };
  },
  run: (ctx, input) => submitPortalRequest(ctx, input, ctx.visit.locale),
  done: async (result: PortalSubmission, { org }) => {
    await triggerDelivery(org.id);
    return { status: "ok", data: result };
  },
});

/**
 * A new tracking link for one of the verified visitor's own requests (they lost theirs): the old
 * link stops working; the new one is shown once, like after submitting.
 */
export const renewTrackingLinkAction = definePortalAction({
  session: "requests",
  messages: "portalRequests.mine",
  schema: z.object({ requestId: z.uuid() }),
  throttle: PORTAL_LIMITS.choice,
  run: (ctx, input) => renewTrackingLink(ctx, input.requestId),
  done: (result: RenewedLink) => ({ status: "ok", data: result }),
});
