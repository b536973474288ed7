import { defineRoute } from "@/lib/core/actions/define-route";
import { translator } from "@/lib/core/i18n/translator";
import { breachRegisterCsv } from "@/lib/incidents/response/register";

/** The GDPR Art. 33(5) breach register as CSV; the export is recorded in the audit chain. */
export const GET = defineRoute("incidentRecords.read", async ({ tx, orgId, audit }) => {
  const [t, incidents, categories] = await Promise.all([
    translator("incidentResponse"),
    translator("incidents"),
    translator("dataCategories"),
  ]);
  const { csv, rows } = await breachRegisterCsv(tx, orgId, {
    header: (column) => t(`register.columns.${column}`),
    option: (list, id) => incidents(`${list}.${id}`),
    category: (id) => categories(id),
    yesNo: (value) => t(value ? "register.yes" : "register.no"),
  });
  await audit({ action: "incident.register_exported", targetType: "incident", details: { rows } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="breach-register-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
