import { getTranslations } from "next-intl/server";
import Form from "next/form";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { RecordTable } from "@/components/ui/record-table";
import type { CsvFile } from "@/lib/imports/csv-file";
import { importFields, mappingToHeaders, type ColumnMapping } from "@/lib/imports/fields";
import { mappingFields } from "@/lib/imports/mapping-input";
import { previewRows, type PreviewRow } from "@/lib/imports/preview";
import { validateRows } from "@/lib/imports/validate";
import { RowErrorTable } from "./row-error-table";
import { RunImportForm } from "./run-import-form";

const ERRORS_SHOWN = 200;

interface Props {
  importId: string;
  file: CsvFile;
  mapping: ColumnMapping;
}

/** Choose the mapping, see the first rows as it reads them (masked), and every row it would refuse. */
export async function ImportPreview({ importId, file, mapping: wanted }: Props) {
  const t = await getTranslations("imports");
  // Only columns the file has, and that have a name, can be chosen.
  const mapping = Object.fromEntries(
    Object.entries(wanted).filter(([, i]) => file.headers[i]),
  ) as ColumnMapping;
  const report = validateRows(file.rows, file.headers.length, mapping);
  const columns = mappingToHeaders(mapping, file.headers);
  const mapped = importFields.filter((f) => mapping[f] !== undefined);
  const fields = mappingFields(mapping);
  const options = [
    { value: "", label: t("mapping.skip") },
    ...file.headers.flatMap((h, i) => (h ? [{ value: String(i), label: h }] : [])),
  ];

  return (
    <>
      <Card title={t("mapping.title")}>
        <Form action="" className="space-y-4">
          <p className="text-sm text-slate-600">{t("mapping.help")}</p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            {importFields.map((f) => (
              <SelectField
                key={f}
                name={f}
                label={t(`fields.${f}`)}
                required={f === "externalRef"}
                defaultValue={fields[f]}
                options={options}
              />
            ))}
          </div>
          <div className="flex justify-end">
            <button
              type="submit"
              className="inline-flex items-center rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("mapping.apply")}
            </button>
          </div>
        </Form>
      </Card>

      <Card title={t("preview.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("preview.help")}</p>
        <RecordTable
          variant="inset"
          caption={t("preview.title")}
          rows={previewRows(file.rows, mapping)}
          rowKey={(r) => r.row}
          columns={[
            {
              id: "row",
              header: t("report.row"),
              cell: (r) => r.row,
              className: "text-xs tabular-nums text-slate-500",
            },
            ...mapped.map((f) => ({
              id: f,
              header: t(`fields.${f}`),
              cell: (r: PreviewRow) => r.values[f] || "—",
              className: "whitespace-nowrap font-mono text-xs text-slate-800",
            })),
          ]}
        />
      </Card>

      <Card title={t("report.title")}>
        <div className="space-y-3">
          {mapping.externalRef === undefined && (
            <Notice tone="warning">{t("report.needsExternalRef")}</Notice>
          )}
          <p className="text-sm text-slate-700" role="status">
            {t("report.summary", { valid: report.valid.length, invalid: report.invalidRows })}
          </p>
          {report.errors.length > 0 && (
            <>
              <p className="text-xs text-slate-500">{t("report.rowNumbers")}</p>
              <RowErrorTable
                errors={report.errors.slice(0, ERRORS_SHOWN)}
                columns={columns}
                caption={t("report.title")}
              />
              {report.errors.length > ERRORS_SHOWN && (
                <p className="text-xs text-slate-500">
                  {t("report.more", { count: report.errors.length - ERRORS_SHOWN })}
                </p>
              )}
            </>
          )}
        </div>
      </Card>

      <div className="flex justify-end">
        <RunImportForm
          fields={{ id: importId, ...fields }}
          disabled={mapping.externalRef === undefined || report.valid.length === 0}
          labels={{
            trigger: t("run.trigger"),
            title: t("run.title"),
            body: t("run.body", { valid: report.valid.length, invalid: report.invalidRows }),
            confirm: t("run.confirm"),
            cancel: t("run.cancel"),
            pending: t("run.pending"),
          }}
        />
      </div>
    </>
  );
}
