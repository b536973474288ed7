import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { departments, memberships } from "@/db/schema";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { acknowledgeVersion } from "@/lib/policies/acknowledgements";
import { inAudience, updateDocumentSettings } from "@/lib/policies/audience";
import {
  approveVersion,
  createDocument,
  draftVersion,
  publishVersion,
  saveDraft,
  submitVersion,
} from "@/lib/policies/commands";
import type { LocalizedText } from "@/db/schema/policies";
import {
  companionDocuments,
  privacyPolicyV1,
  privacyPolicyV1Summary,
  privacyPolicyV2,
  privacyPolicyV2Summary,
  staffRulesTitle,
  staffRulesV1,
  staffRulesV1Summary,
  staffRulesV2,
  staffRulesV2Summary,
} from "./policy-texts";

type Size = "full" | "few";

/**
 * The privacy policy v1 published (written by the privacy officer, approved by an administrator)
 * and v2 in draft; with "full", the children's rules, SDK list and cookie policy published too, and
 * the internal staff rules (see `seedStaffRules`).
 */
export async function seedPolicies(
  tx: Tx,
  orgId: string,
  size: Size,
  actor: AuditActor,
): Promise<void> {
  const people = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, ["privacy_officer", "admin", "owner", "employee"]),
      ),
    )
    .orderBy(asc(memberships.createdAt));
  const author = people.find((p) => p.role === "privacy_officer") ?? people[0];
  const approver =
    people.find((p) => p.role === "admin" && p.userId !== author.userId) ??
    people.find((p) => p.userId !== author.userId)!;
  // Each step audited as the person who takes it, as in the console.
  const as = (userId: string) => tenantContext(tx, orgId, { type: "user", id: userId });

  async function publish(
    documentId: string,
    content: LocalizedText,
    summary: LocalizedText,
    effectiveOn: string,
    change = { changeSummary: "首次发布", materialChange: false },
  ) {
    const id = await draftVersion(as(author.userId), documentId, effectiveOn);
    await saveDraft(as(author.userId), { id, ...fields(content, summary), ...change, effectiveOn });
    await submitVersion(as(author.userId), id);
    await approveVersion(as(approver.userId), id, false, effectiveOn);
    await publishVersion(as(approver.userId), id);
    return id;
  }

  const privacy = await createDocument(as(author.userId), {
    kind: "privacy_policy",
    slug: "privacy",
    titleZh: "隐私政策",
    titleEn: "Privacy Policy",
  });
  await publish(privacy, privacyPolicyV1, privacyPolicyV1Summary, "2026-01-01");
  const v2 = await draftVersion(as(author.userId), privacy, "2027-01-01");
  await saveDraft(as(author.userId), {
    id: v2,
    ...fields(privacyPolicyV2, privacyPolicyV2Summary),
    changeSummary: "新增境外用户数据存储于新加坡；答复时限缩短为十个工作日。",
    materialChange: true,
    effectiveOn: "2027-01-01",
  });
  if (size === "few") return;
  for (const doc of companionDocuments) {
    const id = await createDocument(as(author.userId), {
      kind: doc.kind,
      slug: doc.slug,
      titleZh: doc.title["zh-CN"],
      titleEn: doc.title.en,
    });
    await publish(id, doc.content, doc.summary, "2026-01-01");
  }
  await seedStaffRules(tenantContext(tx, orgId, actor), as(author.userId), publish);
}

/**
 * The internal staff rules for customer service and operations: v1 acknowledged by everyone it
 * applied to, v2 (a material change) so far by the department managers only — so the demo
 * employee has it in "My tasks" and the tracking view shows both columns.
 */
async function seedStaffRules(
  ctx: TenantContext,
  author: TenantContext,
  publish: (
    documentId: string,
    content: LocalizedText,
    summary: LocalizedText,
    effectiveOn: string,
    change?: { changeSummary: string; materialChange: boolean },
  ) => Promise<string>,
) {
  const { tx, orgId } = ctx;
  const audience = (
    await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), inArray(departments.name, ["客服", "运营"])))
  ).map((d) => d.id);
  const documentId = await createDocument(author, {
    kind: "other",
    slug: "staff-data-handling",
    titleZh: staffRulesTitle["zh-CN"],
    titleEn: staffRulesTitle.en,
  });
  await updateDocumentSettings(ctx, {
    documentId,
    internal: true,
    acknowledgementRequired: true,
    audienceDepartmentIds: audience,
  });
  const staff = (
    await tx
      .select({
        userId: memberships.userId,
        role: memberships.role,
        departmentId: memberships.departmentId,
      })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), isNull(memberships.deactivatedAt)))
  ).filter((m) => inAudience(audience, m.departmentId));

  const v1 = await publish(documentId, staffRulesV1, staffRulesV1Summary, "2026-03-01");
  for (const [i, person] of staff.entries())
    await acknowledgeVersion(ctx, person.userId, v1, new Date(Date.UTC(2026, 2, 2, 1, 15 + 7 * i)));
  const v2 = await publish(documentId, staffRulesV2, staffRulesV2Summary, "2026-11-01", {
    changeSummary: "新增截图、录屏及外部工具（含生成式人工智能）的使用规定。",
    materialChange: true,
  });
  for (const person of staff.filter((p) => p.role === "manager"))
    await acknowledgeVersion(ctx, person.userId, v2, new Date(Date.UTC(2026, 10, 2, 2, 20)));
}

const fields = (content: LocalizedText, summary: LocalizedText) => ({
  contentZh: content["zh-CN"],
  contentEn: content.en,
  summaryZh: summary["zh-CN"],
  summaryEn: summary.en,
  authoritativeLocale: "zh-CN" as const,
});
