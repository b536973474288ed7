import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { compactSelectClass } from "@/components/ui/input-class";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { localized } from "@/lib/core/i18n/localized-text";
import { dataCategories } from "@/lib/data-categories/options";
import { buildDataMap } from "@/lib/systems/data-map";
import { dataMapInput } from "@/lib/systems/queries";
import { dataMapFilterSchema } from "@/lib/systems/schemas";

export async function generateMetadata() {
  return { title: (await getTranslations("systems"))("map.title") };
}

export default async function DataMapPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("systems.read");
  const filter = dataMapFilterSchema.parse(await searchParams);
  const input = await withTenant(actor.orgId, (tx) => dataMapInput(tx, actor.orgId), actor.userId);
  const map = buildDataMap(input, filter);
  const { purposes } = input;
  const [t, category, region, locale] = await Promise.all([
    getTranslations("systems"),
    getTranslations("dataCategories"),
    getTranslations("vendors.options.regions"),
    getLocale(),
  ]);
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const image = `/data-map/image.svg${query ? `?${query}` : ""}`;
  const download = `/data-map/image.svg?${query ? `${query}&` : ""}download=1`;
  const count = (kind: string) => map.nodes.filter((n) => n.kind === kind).length;
  const nameOf = new Map(
    map.nodes.map((n) => [n.key, n.kind === "country" ? region(n.id) : n.name]),
  );
  const purposeName = new Map(purposes.map((p) => [p.code, localized(p.name, locale)]));
  return (
    <>
      <PageHeader
        title={t("map.title")}
        description={t("map.description")}
        actions={
          <a href={download} className={buttonClass("secondary")} download>
            {t("map.download")}
          </a>
        }
      />
      <Card className="mb-4">
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("map.filters")}>
          <label className="text-sm text-slate-700">
            {t("map.category")}
            <select
              name="category"
              defaultValue={filter.category ?? ""}
              className={`mt-1 block ${compactSelectClass}`}
            >
              <option value="">{t("map.all")}</option>
              {dataCategories.map((c) => (
                <option key={c} value={c}>
                  {category(c)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-700">
            {t("map.purpose")}
            <select
              name="purpose"
              defaultValue={filter.purpose ?? ""}
              className={`mt-1 block ${compactSelectClass}`}
            >
              <option value="">{t("map.all")}</option>
              {purposes.map((p) => (
                <option key={p.id} value={p.id}>
                  {localized(p.name, locale)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("secondary")}>
            {t("map.apply")}
          </button>
          {query && (
            <Link href="/data-map" className="py-1.5 text-sm text-brand-700 hover:underline">
              {t("map.clear")}
            </Link>
          )}
        </form>
      </Card>
      <Card className="mb-4 overflow-x-auto">
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn per request, not an asset to optimise */}
        <img
          src={image}
          alt={t("map.alt", {
            systems: count("system"),
            vendors: count("vendor"),
            countries: count("country"),
            flows: map.edges.length,
          })}
          className="h-auto w-full min-w-[720px]"
          data-testid="data-map-image"
        />
      </Card>
      <RecordTable
        variant="panel"
        caption={t("map.flowsCaption")}
        empty={{ title: t("map.noFlows") }}
        rows={map.edges}
        rowKey={(edge) => `${edge.from}>${edge.to}>${edge.kind}`}
        rowTestId={() => "data-map-flow"}
        columns={[
          { header: t("map.from"), rowHeader: true, cell: (edge) => nameOf.get(edge.from) },
          {
            header: t("map.kind"),
            cell: (edge) => (
              <span className="inline-flex flex-wrap items-center gap-1.5">
                {t(`map.edges.${edge.kind}`)}
                {edge.crossBorder && <Badge tone="red">{t("map.crossBorderBadge")}</Badge>}
              </span>
            ),
          },
          { header: t("map.to"), cell: (edge) => nameOf.get(edge.to) },
          {
            header: t("map.categories"),
            cell: (edge) => edge.categories.map((c) => category(c)).join("、"),
          },
          {
            header: t("map.purposesCol"),
            cell: (edge) => edge.purposes.map((code) => purposeName.get(code) ?? code).join("、"),
          },
        ]}
      />
    </>
  );
}
