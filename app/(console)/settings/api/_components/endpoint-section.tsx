import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EndpointSpec, OpenApiDocument } from "@/lib/api/openapi";
import { problemType, problemTypes } from "@/lib/api/problem";
import { curlExample, fieldsOf } from "@/lib/api/reference";
import { FieldsTable } from "./fields-table";

/** One endpoint of the reference: scope, parameters, request and response fields, errors, curl. */
export async function EndpointSection({
  doc,
  endpoint,
}: {
  doc: OpenApiDocument;
  endpoint: EndpointSpec;
}) {
  const t = await getTranslations("api.reference");
  const params = (endpoint.parameters ?? []).map((p) => ({
    name: p.name,
    type: `${p.in}: ${String((p.schema as { type?: string }).type ?? "string")}`,
    required: p.required,
    notes: p.description,
  }));
  const anchor = endpoint.operationId;
  return (
    <Card
      title={
        <span id={anchor} className="flex flex-wrap items-center gap-2 font-mono">
          <Badge tone={endpoint.method === "get" ? "green" : "blue"}>
            {endpoint.method.toUpperCase()}
          </Badge>
          <span>/api/v1{endpoint.path}</span>
        </span>
      }
      action={<Badge tone="amber">{t("scope", { scope: endpoint.scope })}</Badge>}
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{endpoint.summary}</p>
        {params.length > 0 && <FieldsTable caption={t("parameters")} rows={params} />}
        {endpoint.request && (
          <FieldsTable
            caption={t("request")}
            rows={fieldsOf(doc, { $ref: `#/components/schemas/${endpoint.request}` })}
          />
        )}
        <FieldsTable
          caption={t("response")}
          rows={fieldsOf(doc, { $ref: `#/components/schemas/${endpoint.response}` })}
        />
        <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <caption className="bg-slate-50 px-3 py-2 text-left text-xs font-semibold text-slate-700">
              {t("errors")}
            </caption>
            <tbody className="divide-y divide-slate-100">
              {[...endpoint.problems]
                .sort((a, b) => problemTypes[a].status - problemTypes[b].status)
                .map((code) => (
                  <tr key={code}>
                    <td className="w-16 px-3 py-1.5 font-mono text-xs text-slate-900">
                      {problemTypes[code].status}
                    </td>
                    <td className="px-3 py-1.5 font-mono text-xs text-slate-700">
                      {problemType(code)}
                    </td>
                    <td className="px-3 py-1.5 text-xs text-slate-600">
                      {t(`problems.${code}` as never)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold text-slate-700">{t("example")}</h3>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
            <code>{curlExample(endpoint.method, endpoint.path, endpoint.example)}</code>
          </pre>
        </div>
      </div>
    </Card>
  );
}
