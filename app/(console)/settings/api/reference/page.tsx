import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_BATCH_ITEMS } from "@/lib/api/body";
import { REQUESTS_PER_MINUTE } from "@/lib/api/authenticate";
import { endpoints, openApiDocument } from "@/lib/api/openapi";
import { requirePage } from "@/lib/core/auth/guard";
import { EndpointSection } from "../_components/endpoint-section";

export async function generateMetadata() {
  return { title: (await getTranslations("api"))("reference.title") };
}

/** The API reference, rendered from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requirePage("api.read");
  const t = await getTranslations("api.reference");
  const doc = openApiDocument();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <a
              href="/api/v1/openapi.json"
              className={buttonClass("secondary")}
              download="privacy-desk-openapi.json"
            >
              {t("download")}
            </a>
            <Link href="/settings/api" className={buttonClass("secondary")}>
              {t("back")}
            </Link>
          </>
        }
      />
      <div className="max-w-5xl space-y-6">
        <Card title={t("basics.title")}>
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>{t("basics.auth")}</li>
            <li>{t("basics.batches", { max: MAX_BATCH_ITEMS })}</li>
            <li>{t("basics.idempotency")}</li>
            <li>{t("basics.errors")}</li>
            <li>{t("basics.money")}</li>
            <li>{t("basics.rate", { limit: REQUESTS_PER_MINUTE })}</li>
            <li>{t("basics.privacy")}</li>
          </ul>
          <nav aria-label={t("contents")} className="mt-4 flex flex-wrap gap-2 text-xs">
            {endpoints.map((e) => (
              <a
                key={e.operationId}
                href={`#${e.operationId}`}
                className="rounded bg-slate-100 px-2 py-1 font-mono text-slate-700 hover:bg-slate-200"
              >
                {e.method.toUpperCase()} {e.path}
              </a>
            ))}
          </nav>
        </Card>
        {endpoints.map((endpoint) => (
          <EndpointSection key={endpoint.operationId} doc={doc} endpoint={endpoint} />
        ))}
      </div>
    </>
  );
}
