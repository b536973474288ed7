import { eq } from "drizzle-orm";
import { organizations } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { recordAudit } from "@/lib/core/audit/record";
import { addMember } from "@/lib/users/commands";
import { DEMO_PASSWORD } from "./accounts";
import { PROVISIONAL_REQUEST_FILE } from "./provisional-request";
import { PURPOSE_LACKING_MECHANISM } from "./purpose-lacking-mechanism";
import type { Role } from "@/db/schema";

/** Adds the end-to-end-only accounts to their organisation (the demo one unless named). */
export async function addExtraUsers(
  people: ReadonlyArray<{ email: string; name: string; role: Role; org?: string }>,
): Promise<void> {
  await withoutTenant(async (tx) => {
    const { enterTenant } = await import("@/db/tenant");
    for (const { org: slug = "demo", ...person } of people) {
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, slug));
      await enterTenant(tx, org.id);
      const { userId } = await addMember(tx, org.id, {
        ...person,
        temporaryPassword: DEMO_PASSWORD,
        mustChangePassword: false,
      });
      await recordAudit(
        tx,
        org.id,
        { type: "system", id: "e2e-seed" },
        {
          action: "user.invited",
          targetType: "user",
          targetId: userId,
          details: { role: person.role },
        },
      );
    }
  });
}

/**
 * A PIPL request whose 15 working days reach a year with no published working calendar (the demo
 * has this year's only): verified on 21 December, or today when later. No customer, so it is
 * nobody's duplicate and sends no notice; its id and token go to PROVISIONAL_REQUEST_FILE.
 */
export async function addProvisionalRequest(): Promise<void> {
  const { writeFileSync, mkdirSync } = await import("node:fs");
  const { todayIso } = await import("@/lib/core/dates");
  const { createRequest } = await import("@/lib/requests/commands");
  const { tenantContext } = await import("@/lib/core/tenancy/context");
  const today = todayIso();
  const day = [today, `${today.slice(0, 4)}-12-21`].sort()[1];
  const created = await withoutTenant(async (tx) => {
    const { enterTenant } = await import("@/db/tenant");
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, "demo"));
    await enterTenant(tx, org.id);
    return createRequest(tenantContext(tx, org.id, { type: "system", id: "e2e-seed" }), {
      type: "access",
      channel: "letter",
      customerId: null,
      locale: "zh-CN",
      receivedAt: new Date(`${day}T10:00:00+08:00`),
      verifiedOn: day,
      identityMethod: "id_document",
    });
  });
  mkdirSync("test-results", { recursive: true });
  writeFileSync(PROVISIONAL_REQUEST_FILE, JSON.stringify({ id: created.id, token: created.token }));
}

/**
 * A cross-border purpose as one saved before the transfer-mechanism field existed (migration
 * 0019): destination Singapore, separate consent on the cross-border ground, no mechanism.
 * Written to the table directly, since every save through the product now asks for one.
 */
export async function addPurposeLackingMechanism(): Promise<void> {
  const { purposes } = await import("@/db/schema");
  await withoutTenant(async (tx) => {
    const { enterTenant } = await import("@/db/tenant");
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, "demo"));
    await enterTenant(tx, org.id);
    await tx.insert(purposes).values({
      orgId: org.id,
      code: PURPOSE_LACKING_MECHANISM,
      name: { "zh-CN": "新加坡客服中心", en: "Customer support centre in Singapore" },
      description: {
        "zh-CN": "由位于新加坡的客服中心处理您的咨询和售后请求。",
        en: "Our customer support centre in Singapore answers your questions and after-sales requests.",
      },
      bases: { PIPL: "consent" },
      consentKind: "separate",
      separateGrounds: ["cross_border"],
      dataCategories: ["contact"],
      crossBorderDestination: "SG",
      transferMechanism: null,
    });
  });
}
