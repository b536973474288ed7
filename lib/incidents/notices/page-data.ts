import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { todayIso } from "@/lib/core/dates";
import { env } from "@/lib/core/env";
import { affectedSetsOf } from "../affected/queries";
import type { Incident } from "../queries";
import { defaultNoticeTexts } from "./content";
import { noticePreviews } from "./preview";
import { noticeRecipients, noticesOf } from "./queries";

/**
 * What the notice page shows: the draft's wording (or the default one to start from) and its
 * previews for every law and language, the selection it would go to, and the latest notice sent
 * with each person's message status.
 */
export async function noticePageData(tx: Tx, orgId: string, incident: Incident) {
  const notices = await noticesOf(tx, orgId, incident.id);
  const draft = notices.find((n) => n.status === "draft");
  const latest = notices.find((n) => n.status !== "draft");
  const [org] = await tx
    .select({ zh: organizations.nameZh, en: organizations.nameEn, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  const portal = new URL(`/p/${org.slug}/requests`, env().NEXTAUTH_URL ?? "http://localhost:3000");
  const texts = draft?.texts ?? defaultNoticeTexts(incident.summary, portal.toString());
  const { committed } = await affectedSetsOf(tx, orgId, incident.id);
  return {
    draft,
    latest,
    texts,
    committed,
    alreadySent: committed !== undefined && notices.some((n) => n.setId === committed.id),
    previews: noticePreviews({
      platform: { "zh-CN": org.zh, en: org.en },
      reference: incident.reference,
      discoveredOn: todayIso(incident.discoveredAt),
      categories: incident.dataCategories,
      texts,
    }),
    recipients: latest?.setId ? await noticeRecipients(tx, orgId, latest.setId) : [],
  };
}
