import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveControl } from "@/components/ui/archive-control";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { localized } from "@/lib/core/i18n/localized-text";
import { buildDataMap } from "@/lib/systems/data-map";
import { dataMapInput, getSystem, systemFormOptions } from "@/lib/systems/queries";
import { isSystemId } from "@/lib/systems/schemas";
import { archiveSystemAction, restoreSystemAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("systems"))("title") };
}

export default async function SystemPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("systems.read");
  const { id } = await params;
  if (!isSystemId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const system = await getSystem(tx, actor.orgId, id);
      if (!system) return undefined;
      return {
        system,
        options: await systemFormOptions(tx, actor.orgId, system),
        // An archived system is not on the map: no flows to read.
        map: system.archivedAt ? undefined : buildDataMap(await dataMapInput(tx, actor.orgId)),
      };
    },
    actor.userId,
  );
  if (!data) notFound();
  const { system, options, map } = data;
  const [t, category, region, locale] = await Promise.all([
    getTranslations("systems"),
    getTranslations("dataCategories"),
    getTranslations("vendors.options.regions"),
    getLocale(),
  ]);
  const manages = can(actor.role, "systems.manage");
  const archived = system.archivedAt !== null;
  const department = options.departments.find((d) => d.id === system.ownerDepartmentId);
  const vendor = options.vendors.find((v) => v.id === system.vendorId);
  const purposes = options.purposes.filter((p) => system.purposeIds.includes(p.id));
  const names = new Map(
    (map?.nodes ?? []).map((n) => [n.key, n.kind === "country" ? region(n.id) : n.name]),
  );
  const flows = (map?.edges ?? []).filter((e) => e.from === `system:${system.id}`);
  return (
    <>
      <Link
        href="/systems"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={system.name}
        description={system.description ?? undefined}
        actions={
          manages && (
            <div className="flex flex-wrap items-start gap-2">
              {!archived && (
                <Link href={`/systems/${system.id}/edit`} className={buttonClass("secondary")}>
                  {t("edit")}
                </Link>
              )}
              <ArchiveControl
                namespace="systems"
                archived={archived}
                archive={archiveSystemAction}
                restore={restoreSystemAction}
                fields={{ id: system.id }}
                values={{ name: system.name }}
              />
            </div>
          )
        }
      />
      {archived && (
        <div className="mb-4">
          <Notice tone="warning">{t("detail.archivedNotice")}</Notice>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("detail.facts")}>
          <Facts
            items={[
              { label: t("fields.kind"), value: t(`kinds.${system.kind}`) },
              {
                label: t("fields.ownerDepartment"),
                value: department?.name ?? t("noDepartment"),
              },
              { label: t("fields.hostingLocation"), value: system.hostingLocation },
              { label: t("fields.country"), value: region(system.country) },
              { label: t("fields.vendor"), value: vendor?.name ?? t("none") },
            ]}
          />
        </Card>
        <Card title={t("detail.data")}>
          <div className="space-y-3 text-sm">
            <div className="flex flex-wrap gap-1.5">
              {system.dataCategories.map((c) => (
                <Badge key={c}>{category(c)}</Badge>
              ))}
            </div>
            <div>
              <h3 className="text-slate-500">{t("fields.purposes")}</h3>
              {purposes.length === 0 ? (
                <p className="text-slate-600">{t("detail.noPurposes")}</p>
              ) : (
                <ul className="mt-1 list-disc pl-5">
                  {purposes.map((p) => (
                    <li key={p.id}>
                      <Link href={`/purposes/${p.id}`} className="text-brand-700 hover:underline">
                        {localized(p.name, locale)}
                      </Link>{" "}
                      <span className="text-slate-500">({p.code})</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="text-slate-500">{t("fields.securityMeasures")}</h3>
              {system.securityMeasures.length === 0 ? (
                <p className="text-slate-600">{t("detail.noMeasures")}</p>
              ) : (
                <p>{system.securityMeasures.map((m) => t(`measures.${m}`)).join("、")}</p>
              )}
            </div>
          </div>
        </Card>
      </div>
      {!archived && (
        <Card title={t("detail.flows")} className="mt-4">
          <ul className="space-y-1 text-sm" data-testid="system-flows">
            {flows.map((flow) => (
              <li key={`${flow.to}-${flow.kind}`}>
                {t(`map.edges.${flow.kind}`)} <strong>{names.get(flow.to)}</strong>
                {flow.crossBorder && (
                  <>
                    {" "}
                    <Badge tone="red">{t("map.crossBorderBadge")}</Badge>
                  </>
                )}
                <span className="text-slate-500">
                  {" "}
                  · {flow.categories.map((c) => category(c)).join("、")}
                </span>
              </li>
            ))}
          </ul>
          <Link
            href="/data-map"
            className="mt-3 inline-block text-sm text-brand-700 hover:underline"
          >
            {t("openMap")} →
          </Link>
        </Card>
      )}
    </>
  );
}
