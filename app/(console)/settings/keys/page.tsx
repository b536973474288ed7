import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { keyInventory, rotationHistory } from "@/lib/keys/inventory";
import { rotationIsStalled } from "@/lib/keys/rotation";
import { InventoryTable } from "./_components/inventory-table";
import { RotationHistory } from "./_components/rotation-history";
import { RotationPanel } from "./_components/rotation-panel";

export async function generateMetadata() {
  return { title: (await getTranslations("keys"))("title") };
}

/** Every key the organisation's data depends on, and the organisation key's rotation (ASVS 11.1.2). */
export default async function KeysPage() {
  const actor = await requirePage("keys.read");
  const [t, { inventory, rotations, stalled }] = await Promise.all([
    getTranslations("keys"),
    // Rotations first: each statement sees the latest commits, so a rotation read as completed
    // guarantees the inventory read after it shows the old version destroyed.
    withTenant(
      actor.orgId,
      async (tx) => {
        const rotations = await rotationHistory(tx, actor.orgId);
        const latest = rotations[0];
        const stalled =
          latest?.status === "running" &&
          (await rotationIsStalled(tx, {
            orgId: actor.orgId,
            id: latest.id,
            startedAt: latest.startedAt,
          }));
        return { rotations, stalled, inventory: await keyInventory(tx, actor.orgId) };
      },
      actor.userId,
    ),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-8">
        <RotationPanel
          latest={rotations[0]}
          stalled={stalled}
          canRotate={can(actor.role, "keys.rotate")}
        />
        <InventoryTable inventory={inventory} />
        <RotationHistory rows={rotations} />
      </div>
    </>
  );
}
