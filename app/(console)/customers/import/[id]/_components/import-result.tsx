import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import { Notice } from "@/components/ui/notice";
import { IMPORT_ERRORS_KEPT } from "@/lib/imports/import-job";
import type { getImport } from "@/lib/imports/queries";
import { RowErrorTable } from "./row-error-table";

type Item = NonNullable<Awaited<ReturnType<typeof getImport>>>;

/** Imported and skipped counts, and the rows that were refused (the file itself is gone). */
export async function ImportResult({ item }: { item: Item }) {
  const t = await getTranslations("imports.result");
  const summary = t("summary", { imported: item.importedRows, skipped: item.errorRows });
  return (
    <Card title={t("title")}>
      <div className="space-y-4">
        {item.status === "failed" ? (
          <Notice tone="warning">
            {t("failed", { processed: item.processedRows, total: item.totalRows })}
          </Notice>
        ) : (
          <Notice tone="success">{summary}</Notice>
        )}
        {item.status === "failed" && <p className="text-sm text-slate-700">{summary}</p>}
        <p className="text-xs text-slate-500">
          {item.finishedAt && (
            <>
              {t("finishedAt")} <EventTime iso={item.finishedAt.toISOString()} />
              {" · "}
            </>
          )}
          {t("fileCleared")}
        </p>
        {item.errors.length > 0 && (
          <>
            <h3 className="text-sm font-semibold text-slate-800">{t("errorsTitle")}</h3>
            <RowErrorTable errors={item.errors} columns={item.mapping} caption={t("errorsTitle")} />
            {item.errorRows > 0 && item.errors.length >= IMPORT_ERRORS_KEPT && (
              <p className="text-xs text-slate-500">
                {t("errorsCapped", { count: item.errors.length })}
              </p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
