import type { AppLocale } from "@/lib/core/i18n/locale";
import { datasetNames, type PackageData, type Record_ } from "./collect";
import { bilingual, datasetLabels, headings, profileLabels } from "./labels";

/** Rows of each dataset shown in the summary; the JSON and CSV files have them all. */
export const SUMMARY_ROWS = 100;

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (value: unknown) =>
  value === null || value === undefined
    ? ""
    : String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);

function table(rows: Record_[], locale: AppLocale): string {
  if (rows.length === 0)
    return `<p class="muted">${escapeHtml(bilingual(headings.none, locale))}</p>`;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows
    .slice(0, SUMMARY_ROWS)
    .map((row) => `<tr>${columns.map((c) => `<td>${escapeHtml(row[c])}</td>`).join("")}</tr>`)
    .join("\n");
  const more =
    rows.length > SUMMARY_ROWS
      ? `<p class="muted">${escapeHtml(bilingual(headings.shown, locale).replaceAll("{n}", String(SUMMARY_ROWS)))}</p>`
      : "";
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${more}`;
}

/**
 * The readable page of the package: headings in both languages (the request's first), every
 * value escaped — nothing from the data can become markup. No scripts, no external resources.
 */
export function summaryHtml(
  data: PackageData,
  meta: { reference: string; generatedAt: string; locale: AppLocale },
): string {
  const { locale } = meta;
  const h = (pair: { "zh-CN": string; en: string }) => escapeHtml(bilingual(pair, locale));
  const profileRows = Object.entries(data.profile)
    .map(
      ([key, value]) =>
        `<tr><th scope="row">${escapeHtml(profileLabels[key] ? bilingual(profileLabels[key], locale) : key)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join("\n");
  const contents = datasetNames
    .map(
      (name) =>
        `<tr><td>${h(datasetLabels[name])}</td><td>${data[name].length}</td><td><code>${name}.json</code>, <code>${name}.csv</code></td></tr>`,
    )
    .join("\n");
  const sections = datasetNames
    .map(
      (name) => `<section><h2>${h(datasetLabels[name])}</h2>${table(data[name], locale)}</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(headings.title)} — ${escapeHtml(meta.reference)}</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#0f172a}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #cbd5e1;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f5f9}.muted{color:#64748b}.scroll{overflow-x:auto}h2{margin-top:2rem;font-size:1.1rem}
</style>
</head>
<body>
<h1>${h(headings.title)}</h1>
<p>${escapeHtml(headings.intro[locale])}</p>
<p>${h(headings.request)}: <strong>${escapeHtml(meta.reference)}</strong> · ${h(headings.generated)}: ${escapeHtml(meta.generatedAt)}</p>
<section><h2>${h(headings.profile)}</h2><table><tbody>
${profileRows}
</tbody></table><p class="muted"><code>profile.json</code>, <code>profile.csv</code></p></section>
<section><h2>${h(headings.contents)}</h2><table><thead><tr><th>${h(headings.dataset)}</th><th>${h(headings.records)}</th><th>${h(headings.files)}</th></tr></thead><tbody>
${contents}
</tbody></table></section>
${sections}
</body>
</html>
`;
}
