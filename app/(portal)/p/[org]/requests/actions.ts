"use server";

import { AppError } from "@/lib/core/errors";
import type { ActionState } from "@/lib/core/actions/state";
import { translator } from "@/lib/core/i18n/translator";
import { triggerDelivery } from "@/lib/outbox/trigger";
import { portalSession, portalVisit } from "@/lib/portal/cookies";
import { portalRequestInput, rectifiableFields } from "@/lib/requests/requester/schemas";
import { submitPortalRequest, type PortalSubmission } from "@/lib/requests/requester/submit";
import { orgOf } from "../portal-org";

/*
 * The request portal's submission is public (a customer has no console account), so it is not
 * defineAction: it finds the organisation from the page's slug and needs the signed "requests"
 * portal session that only a verified one-time code starts (identity/actions.ts).
 * tests/authorization.test.ts lists it with this reason.
 */

const PURPOSE = "requests";

/** The form's fields as the schema reads them: `correct_<field>` inputs become corrections. */
function submission(formData: FormData) {
  return {
    type: formData.get("type") ?? undefined,
    message: String(formData.get("message") ?? ""),
    purposeIds: formData.getAll("purposeIds").map(String),
    corrections: rectifiableFields
      .filter((field) => formData.getAll("fields").includes(field))
      .map((field) => ({ field, value: String(formData.get(`correct_${field}`) ?? "") })),
  };
}

/**
 * Step 3: the request. Returns the reference and the tracking token (shown once, never stored in
 * clear), and the open request it duplicates, if any. Field values are never echoed into logs.
 */
export async function submitRequestAction(_previous: ActionState<PortalSubmission>, formData: FormData): Promise<ActionState<PortalSubmission>> {
  const t = await translator("portalRequests.form");
  const raw = submission(formData);
  const values = { type: String(raw.type ?? ""), message: raw.message, purposeIds: raw.purposeIds, fields: raw.corrections.map((c) => c.field), ...Object.fromEntries(raw.corrections.map((c) => [`correct_${c.field}`, c.value])) };
  const parsed = portalRequestInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [head, index, leaf] = issue.path;
      if (head === "corrections" && typeof index === "number" && leaf === "value") fieldErrors[`correct_${raw.corrections[index]?.field}`] = t("errors.value");
      else if (head === "type") fieldErrors.type = t("errors.type");
      else if (head === "message") fieldErrors.message = t("errors.messageTooLong");
      else fieldErrors._form = t("errors.invalid");
    }
    return { status: "error", message: t("errors.fix"), fieldErrors, values };
  }
  try {
    const org = await orgOf(formData);
    const session = await portalSession(org.id, PURPOSE);
    if (!session) return { status: "error", message: t("errors.sessionExpired") };
    const visit = await portalVisit();
    const result = await submitPortalRequest(org.id, session.customerId, parsed.data, visit.locale);
    await triggerDelivery(org.id);
    return { status: "ok", data: result };
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid") {
      const [field, key] = Object.entries(error.fieldErrors ?? {})[0] ?? ["_form", "invalid"];
      const message = field === "type" ? t("errors.typeNotUnderLaw") : field === "purposeIds" ? t("errors.purposes") : field === "corrections" ? t("errors.corrections")
        : field === "message" ? t("errors.message") : key === "required" ? t("errors.invalid") : t("errors.value");
      const fieldErrors: Record<string, string> = { [field]: message };
      return { status: "error", message, fieldErrors, values };
    }
    console.error("portal request submission failed", { name: (error as Error).name });
    return { status: "error", message: t("errors.failed"), values };
  }
}
