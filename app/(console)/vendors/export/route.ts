import { defineRoute } from "@/lib/core/actions/define-route";
import { translator } from "@/lib/core/i18n/translator";
import { vendorCsv } from "@/lib/vendors/export";
import { activeFilterNames } from "@/lib/vendors/list-query";
import { parseVendorSearchParams } from "../search-params";

/** The vendor list's current filter and order as CSV; the export is itself recorded in the audit chain. */
export const GET = defineRoute("vendors.export", async ({ tx, orgId, audit }, request) => {
  const query = {
    ...parseVendorSearchParams(new URL(request.url).searchParams),
    cursor: undefined,
  };
  const [t, categories, common] = await Promise.all([
    translator("vendors"),
    translator("dataCategories"),
    translator("common"),
  ]);
  const { csv, rows } = await vendorCsv(tx, orgId, query, {
    header: (column) => t(`fields.${column}`),
    option: (list, id) => t(`options.${list}.${id}`),
    category: (id) => categories(id),
    yesNo: (value) => common(value ? "yes" : "no"),
  });
  await audit({
    action: "vendor.exported",
    targetType: "vendor",
    details: { rows, filters: activeFilterNames(query) },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vendors-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
