/** Builders shared by the policy tests. */
import { and, asc, eq } from "drizzle-orm";
import { auditEvents, policyVersions } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { form } from "@/tests/factories";
import {
  approveVersion,
  createDocument,
  draftVersion,
  publishVersion,
  saveDraft,
  submitVersion,
} from "./commands";

/** Command context for a person, auditing as that user. */
export function policyContext(tx: Tx, orgId: string, userId: string): TenantContext {
  return tenantContext(tx, orgId, { type: "user", id: userId });
}

export function versionForm(
  id: string,
  overrides: Record<string, string | undefined> = {},
): FormData {
  return form({
    id,
    contentZh: "# 隐私政策\n\n我们保护您的个人信息。",
    contentEn: "# Privacy policy\n\nWe protect your data.",
    summaryZh: "摘要",
    summaryEn: "Summary",
    changeSummary: "First version",
    authoritativeLocale: "zh-CN",
    effectiveOn: "2026-01-01",
    ...overrides,
  });
}

/** A document with a version taken to the given state directly through the commands (author ≠ approver). */
export async function documentWithVersion(
  orgId: string,
  authorId: string,
  approverId: string,
  upTo: "draft" | "in_review" | "approved" | "published",
  slug: string,
  effectiveOn = "2026-01-01",
) {
  return withTenant(orgId, async (tx) => {
    const author = policyContext(tx, orgId, authorId);
    const approver = policyContext(tx, orgId, approverId);
    const documentId = await createDocument(author, {
      kind: "privacy_policy",
      slug,
      titleZh: "隐私政策",
      titleEn: "Privacy policy",
    });
    const id = await draftVersion(author, documentId);
    await saveDraft(author, {
      id,
      contentZh: "# 隐私政策 v1",
      contentEn: "# Privacy policy v1",
      summaryZh: "摘要",
      summaryEn: "Summary",
      changeSummary: "",
      materialChange: false,
      authoritativeLocale: "zh-CN",
      effectiveOn,
    });
    if (upTo !== "draft") await submitVersion(author, id);
    if (upTo === "approved" || upTo === "published") await approveVersion(approver, id, false);
    if (upTo === "published") await publishVersion(approver, id);
    return { documentId, id };
  });
}

export async function versionsOf(orgId: string, documentId: string) {
  return withTenant(orgId, (tx) =>
    tx
      .select()
      .from(policyVersions)
      .where(and(eq(policyVersions.orgId, orgId), eq(policyVersions.documentId, documentId)))
      .orderBy(asc(policyVersions.version)),
  );
}

export async function policyAudit(orgId: string, documentId: string) {
  return withTenant(orgId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.targetId, documentId)))
      .orderBy(asc(auditEvents.seq)),
  );
}
