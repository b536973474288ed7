import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { fulfilmentView } from "@/lib/requests/fulfilment/view";
import { ConsentCard } from "./consent-card";
import { ErasureCard } from "./erasure-card";
import { ExportCard } from "./export-card";
import { RectificationCard } from "./rectification-card";

/**
 * The request page's fulfilment: what the request asks of the vault (a data package, corrected
 * fields, erasure with vendor follow-up, withdrawn consent), its state and — with requests.handle
 * — the actions that carry it out. Completing is the request's next step (RequestActions), refused
 * on the server until the fulfilment is finished.
 */
export async function FulfilmentSection({ requestId }: { requestId: string }) {
  const actor = await requirePage("requests.read");
  const view = await withTenant(
    actor.orgId,
    (tx) => fulfilmentView(tx, actor.orgId, requestId),
    actor.userId,
  );
  if (!view || view.kind === "none") return null;
  const t = await getTranslations("fulfilment");
  const canHandle = can(actor.role, "requests.handle");
  const canAct = canHandle && view.ready && view.hasCustomer && !view.duplicate;

  let body: React.ReactNode;
  if (view.duplicate) body = <Notice>{t("duplicate")}</Notice>;
  else if (!view.hasCustomer) body = <Notice tone="warning">{t("noCustomer")}</Notice>;
  else if ("export" in view)
    body = <ExportCard view={view} canAct={canAct} canDownload={canHandle} />;
  else if ("rectifications" in view) body = <RectificationCard view={view} canAct={canAct} />;
  else if ("preview" in view) body = <ErasureCard view={view} canAct={canAct} />;
  else if ("purposes" in view) body = <ConsentCard view={view} canAct={canAct} />;

  return (
    <section aria-labelledby="fulfilment-heading" className="space-y-4" data-testid="fulfilment">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="fulfilment-heading" className="text-base font-semibold text-slate-900">
          {t(`heading.${view.kind}`)}
        </h2>
      </div>
      {view.open && !view.ready && !view.duplicate && (
        <Notice tone="warning">{t("notReady")}</Notice>
      )}
      {body}
    </section>
  );
}
