import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { EventTime } from "@/components/ui/event-time";
import { RecordTable } from "@/components/ui/record-table";
import type { KeyInventory } from "@/lib/keys/inventory";
import { KeyStatusBadge } from "./status-badge";

interface Row {
  key: string;
  name: ReactNode;
  id?: string;
  purpose: string;
  created?: ReactNode;
  status: ReactNode;
  protects: string;
}

/** One row per key: what it is, what it is for, its state and how many values depend on it. */
export async function InventoryTable({ inventory }: { inventory: KeyInventory }) {
  const [t, format] = await Promise.all([getTranslations("keys"), getFormatter()]);
  const n = (value: number) => format.number(value);
  const live = inventory.versions.filter((v) => v.status !== "destroyed");
  const rows: Row[] = [
    ...inventory.master.map((m): Row => ({
      key: `master-${m.id}`,
      name: t("inventory.master"),
      id: m.id,
      purpose: t("purpose.master"),
      status: <KeyStatusBadge status={m.current ? "current" : "previous"} />,
      protects: t("protects.orgKeyVersions", { count: n(m.orgKeyVersions) }),
    })),
    ...inventory.versions.map((v): Row => ({
      key: `org-${v.version}`,
      name: t("inventory.orgKey", { version: v.version }),
      id: `v${v.version}`,
      purpose: t("purpose.orgKey"),
      created: <EventTime iso={v.createdAt.toISOString()} />,
      status: <KeyStatusBadge status={v.status} />,
      protects:
        v.status === "destroyed"
          ? t("protects.nothing")
          : t("protects.orgKey", {
              dataKeys: n(v.values.dataKeys),
              voucherCodes: n(v.values.voucherCodes),
              importFiles: n(v.values.importFiles),
            }),
    })),
    ...live.map((v): Row => ({
      key: `bidx-${v.version}`,
      name: t("inventory.blindIndex", { version: v.version }),
      id: `v${v.version}`,
      purpose: t("purpose.blindIndex"),
      status: <KeyStatusBadge status="derived" />,
      protects: t("protects.blindIndexes", { count: n(v.values.blindIndexes) }),
    })),
    {
      key: "data-keys",
      name: t("inventory.dataKeys"),
      purpose: t("purpose.dataKeys"),
      status: t("inventory.dataKeyStatus", {
        live: n(inventory.dataKeys.live),
        destroyed: n(inventory.dataKeys.destroyed),
      }),
      protects: t("protects.customers", { count: n(inventory.dataKeys.live) }),
    },
    {
      key: "totp",
      name: t("inventory.totp"),
      purpose: t("purpose.totp"),
      status: <KeyStatusBadge status="derived" />,
      protects: t("protects.totpSecrets", { count: n(inventory.totpSecrets) }),
    },
    {
      key: "audit",
      name: t("inventory.auditSigning"),
      id: inventory.auditSigning.keyId,
      purpose: t("purpose.auditSigning"),
      status: <KeyStatusBadge status="env" />,
      protects: t("protects.checkpoints", { count: n(inventory.auditSigning.checkpoints) }),
    },
    {
      key: "session",
      name: t("inventory.session"),
      id: "NEXTAUTH_SECRET",
      purpose: t("purpose.session"),
      status: <KeyStatusBadge status="env" />,
      protects: t("protects.noStoredValues"),
    },
  ];
  return (
    <section aria-labelledby="keys-inventory" className="space-y-3">
      <div>
        <h2 id="keys-inventory" className="text-base font-semibold text-slate-900">
          {t("inventory.heading")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("inventory.intro")}</p>
      </div>
      <RecordTable
        variant="panel"
        labelledBy="keys-inventory"
        rows={rows}
        rowKey={(row) => row.key}
        rowClassName={() => "align-top"}
        columns={[
          {
            header: t("columns.key"),
            rowHeader: true,
            cell: (row) => (
              <>
                <span className="block">{row.name}</span>
                {row.id && (
                  <>
                    {" "}
                    <span className="mt-0.5 block font-mono text-xs font-normal text-slate-500">
                      {row.id}
                    </span>
                  </>
                )}
              </>
            ),
            className: "font-medium text-slate-900",
          },
          {
            header: t("columns.purpose"),
            cell: (row) => row.purpose,
            className: "max-w-xs text-slate-600",
          },
          {
            header: t("columns.created"),
            cell: (row) => row.created ?? "—",
            className: "text-slate-600",
          },
          { header: t("columns.status"), cell: (row) => row.status },
          {
            header: t("columns.protects"),
            cell: (row) => row.protects,
            className: "tabular-nums text-slate-700",
          },
        ]}
      />
    </section>
  );
}
