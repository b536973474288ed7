/** Builders shared by the consent console's tests (dashboard, explorer, timeline, export, staff). */
import { withTenant } from "@/db/tenant";
import { purposes } from "@/db/schema";
import type { ConsentKind, PurposeBases } from "@/db/schema/purposes";
import { recordAudit } from "@/lib/core/audit/record";
import { upsertCustomers } from "@/lib/customers/commands";
import { createMember, createOrg } from "@/tests/factories";
import { recordConsentBatch, type ConsentEventInput } from "./record";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const consentEverywhere: PurposeBases = { PIPL: "consent", GDPR: "consent", CCPA: "consent" };

/** An organisation with a privacy officer, an employee, three customers and four purposes. */
export async function consoleFixture() {
  const { orgId, ownerId } = await createOrg();
  const [officerId, employeeId] = await Promise.all([
    createMember(orgId, "privacy_officer"),
    createMember(orgId, "employee"),
  ]);
  return withTenant(orgId, async (tx) => {
    const people = await upsertCustomers(tx, orgId, [
      { externalRef: "c-1", displayName: "张伟", phone: "+8613800138000" },
      { externalRef: "c-2", displayName: "李娜", phone: "+8613912345678" },
      {
        externalRef: "c-3",
        displayName: "Olivia Johnson",
        email: "olivia@example.com",
        laws: ["CCPA"],
      },
    ]);
    const purpose = async (
      code: string,
      consentKind: ConsentKind,
      extra: Partial<typeof purposes.$inferInsert> = {},
    ) => {
      const [row] = await tx
        .insert(purposes)
        .values({
          orgId,
          code,
          name: text(`目的 ${code}`, `Purpose ${code}`),
          description: text("说明", "Description"),
          bases: consentEverywhere,
          consentKind,
          ...extra,
        })
        .returning({ id: purposes.id });
      return row.id;
    };
    return {
      orgId,
      ownerId,
      officerId,
      employeeId,
      customers: people.map((p) => p.id),
      marketing: await purpose("marketing_sms", "standard"),
      sale: await purpose("data_sale", "separate", {
        bases: { ...consentEverywhere, CCPA: "opt_out" },
        separateGrounds: ["sharing"],
      }),
      location: await purpose("location", "separate", { sensitive: true }),
      account: await purpose("account", "standard", {
        required: true,
        bases: { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
      }),
    };
  });
}

/** Records one batch as the system, as the API or the preference center would. */
export async function record(
  orgId: string,
  events: Array<
    Partial<ConsentEventInput> & Pick<ConsentEventInput, "customerId" | "purposeId" | "action">
  >,
) {
  return withTenant(orgId, (tx) =>
    recordConsentBatch(
      tx,
      orgId,
      events.map((e) => ({
        channel: "app",
        source: "platform_api",
        occurredAt: new Date().toISOString(),
        ...e,
      })),
      async (entry) => void (await recordAudit(tx, orgId, { type: "system", id: "test" }, entry)),
    ),
  );
}

export const daysAgo = (days: number, now = new Date()) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();
