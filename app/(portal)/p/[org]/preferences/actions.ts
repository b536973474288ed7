"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import type { ActionState } from "@/lib/core/actions/state";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { portalSession, portalVisit } from "@/lib/portal/cookies";
import { changePreference } from "@/lib/portal/preferences";
import { orgOf, portalPage, slugOf } from "../portal-org";

/*
 * The preference center's change is public (a customer has no console account), so it is not
 * defineAction: it finds the organisation from the page's slug and needs the signed "preferences"
 * portal session that only a verified one-time code starts (identity/actions.ts).
 * tests/authorization.test.ts lists it with this reason.
 */

const PURPOSE = "preferences";

const choiceInput = z.object({ purposeId: z.uuid(), choice: z.enum(["grant", "refuse"]) });

/** Step 3: one purpose, one click: agree, or refuse (withdraw a consent given, decline otherwise). */
export async function changePreferenceAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await translator("portal.preferences.center");
  const parsed = choiceInput.safeParse({ purposeId: formData.get("purposeId"), choice: formData.get("choice") });
  if (!parsed.success) return { status: "error", message: t("failed") };
  try {
    const org = await orgOf(formData);
    const session = await portalSession(org.id, PURPOSE);
    if (!session) return { status: "error", message: t("sessionExpired") };
    const visit = await portalVisit();
    const receiptId = await withTenant(org.id, (tx) => changePreference(tx, org.id, session.customerId, parsed.data, visit));
    revalidatePath(portalPage(slugOf(formData), PURPOSE));
    return { status: "ok", message: t("saved", { id: receiptId }) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error("preference change failed", { name: (error as Error).name });
    return { status: "error", message: t("failed") };
  }
}
