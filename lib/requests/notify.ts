import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { customers, dataSubjectRequests } from "@/db/schema";
import type { CustomerLaw } from "@/db/schema/customers";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { getOrganization } from "@/lib/organizations/queries";
import { enqueueMessage } from "@/lib/outbox/enqueue";
import type { MessageLocale, RequestNotice } from "@/lib/outbox/templates";
import { workingCalendarOf } from "./calendar-store";
import { storedDueIsProvisional } from "./provisional-calendar";
import { trackingLink } from "./tracking-token";

type Localized = Record<MessageLocale, string>;

/**
 * Where the law requires telling a refused requester how to challenge it: PIPL Art. 50 (complain
 * to the authority or sue), GDPR Art. 12(4) (supervisory authority, judicial remedy).
 */
export const rejectionRemedies: Partial<Record<CustomerLaw, Localized>> = {
  PIPL: {
    "zh-CN":
      " 如您对此有异议，可以向履行个人信息保护职责的部门投诉、举报，也可以依法向人民法院提起诉讼（《个人信息保护法》第五十条）。",
    en: " If you disagree, you may complain to the authority responsible for personal information protection, or bring a lawsuit before a people's court (PIPL Art. 50).",
  },
  GDPR: {
    "zh-CN": " 您有权向数据保护监管机构投诉，并寻求司法救济（GDPR 第 12(4) 条）。",
    en: " You may lodge a complaint with a data protection supervisory authority and seek a judicial remedy (GDPR Art. 12(4)).",
  },
};

/** Said after a provisional due date (a year with no published working calendar yet). */
export const provisionalDueMark: Localized = {
  "zh-CN": "（暂定：国家工作日历发布后可能推后，不会提前）",
  en: " (provisional: it may move later, never earlier, once the official working-day calendar is published)",
};

/** Whether a notice can reach the requester: a customer on file, not erased, with an email or a phone. */
export function requesterReachable(
  customer: {
    status: string | null;
    emailMasked: string | null;
    phoneMasked: string | null;
  } | null,
): boolean {
  return (
    customer !== null &&
    customer.status !== "erased" &&
    (customer.emailMasked !== null || customer.phoneMasked !== null)
  );
}

/** The requester-facing text of a rejection: the reason and, where the law asks, the remedies. */
/** The remedies of every law whose clock runs on the request: each law's own must reach the requester. */
export function remediesOf(laws: readonly CustomerLaw[], locale: MessageLocale): string {
  return laws.map((law) => rejectionRemedies[law]?.[locale] ?? "").join("");
}

export function rejectionText(
  laws: readonly CustomerLaw[],
  locale: MessageLocale,
  reason: string,
): string {
  return `${reason}${remediesOf(laws, locale)}`;
}

/**
 * Puts the step's notice for the requester into the message outbox, in the caller's transaction,
 * through the outbox (templates in lib/outbox/templates.ts): by email when there is one on file,
 * else by SMS. Nothing is sent for a request without a customer or with no contact. The "received"
 * notice carries the tracking link when the caller still holds the token (it is stored only hashed).
 */
export async function notifyRequester(
  tx: Tx,
  orgId: string,
  requestId: string,
  notice: RequestNotice,
  extra: { reason?: string; trackingToken?: string } = {},
): Promise<{ id: string } | null> {
  const [request] = await tx
    .select({
      reference: dataSubjectRequests.reference,
      laws: dataSubjectRequests.laws,
      locale: dataSubjectRequests.locale,
      receivedOn: dataSubjectRequests.receivedOn,
      verifiedOn: dataSubjectRequests.verifiedOn,
      dueOn: dataSubjectRequests.dueOn,
      dueUnit: dataSubjectRequests.dueUnit,
      customerId: dataSubjectRequests.customerId,
      emailMasked: customers.emailMasked,
      phoneMasked: customers.phoneMasked,
      status: customers.status,
    })
    .from(dataSubjectRequests)
    .leftJoin(
      customers,
      and(
        eq(customers.orgId, dataSubjectRequests.orgId),
        eq(customers.id, dataSubjectRequests.customerId),
      ),
    )
    .where(and(eq(dataSubjectRequests.orgId, orgId), eq(dataSubjectRequests.id, requestId)));
  if (!request?.customerId || !requesterReachable(request)) return null;
  const channel = request.emailMasked ? "email" : "sms";
  const locale: MessageLocale = asAppLocale(request.locale);
  const provisional = storedDueIsProvisional(request, await workingCalendarOf(tx, orgId));
  const message = await enqueueMessage(tx, orgId, {
    customerId: request.customerId,
    channel,
    template: `request.${notice}`,
    locale,
    params: {
      reference: request.reference,
      link: extra.trackingToken
        ? trackingLink((await getOrganization(tx, orgId)).slug, extra.trackingToken)
        : "",
      dueOn: request.dueOn
        ? `${request.dueOn}${provisional ? provisionalDueMark[locale] : ""}`
        : "",
      reason: extra.reason ?? "",
      remedy: remediesOf(request.laws, locale),
    },
  });
  // The first notice that reaches the requester acknowledges receipt (CCPA: within 10 business days).
  if (message) {
    await tx
      .update(dataSubjectRequests)
      .set({ acknowledgedAt: sql`now()` })
      .where(
        and(
          eq(dataSubjectRequests.orgId, orgId),
          eq(dataSubjectRequests.id, requestId),
          isNull(dataSubjectRequests.acknowledgedAt),
        ),
      );
  }
  return message;
}
