import "server-only";
import type { AppLocale } from "@/lib/core/i18n/locale";
import { formatInstant, renderPdf, type PdfBlock } from "@/lib/core/pdf";
import enCategories from "@/messages/en/dataCategories.json";
import enResponse from "@/messages/en/incidentResponse.json";
import enIncidents from "@/messages/en/incidents.json";
import zhCategories from "@/messages/zh-CN/dataCategories.json";
import zhResponse from "@/messages/zh-CN/incidentResponse.json";
import zhIncidents from "@/messages/zh-CN/incidents.json";
import type { ReportFacts } from "./facts";
import type { RegulatorReport } from "./reports";

const messages = {
  "zh-CN": { r: zhResponse, i: zhIncidents, c: zhCategories as Record<string, string> },
  en: { r: enResponse, i: enIncidents, c: enCategories as Record<string, string> },
};

/** The language a report is filed in unless the officer asks for the other: the regulator's. */
export const defaultReportLocale = (kind: RegulatorReport["kind"]): AppLocale =>
  kind === "cac" ? "zh-CN" : "en";

/** The PDF of one version of a report to a regulator, from its stored facts and content. */
export function regulatorReportPdf(
  report: RegulatorReport,
  locale: AppLocale,
  generatedAt = new Date(),
): Promise<Buffer> {
  const { r, i, c } = messages[locale];
  const facts = report.facts as unknown as ReportFacts;
  const content = report.content;
  const list = (sep: string, values: string[]) => values.join(sep) || null;
  const sep = locale === "en" ? ", " : "、";
  const number = (n: number | null) => (n === null ? null : n.toLocaleString("en-US"));
  const written = (field: string) => content[field] ?? r.pdf.toBeSupplemented;
  const pick = <T extends Record<string, string>>(map: T, key: string | null) =>
    key === null ? null : ((map as Record<string, string>)[key] ?? key);
  const stage = r.reports.stages[report.stage];
  const organization = locale === "en" ? facts.organization.en : facts.organization.zh;
  const categories = list(
    sep,
    facts.dataCategories.map((k) => c[k] ?? k),
  );
  const breachTypes = list(
    sep,
    facts.breachTypes.map((k) => pick(i.breachType, k)!),
  );
  const versionRows: Array<readonly [string, string | null]> = [
    [
      r.pdf.cac.versionLabel,
      r.reports.version.replace("{version}", String(report.version)).replace("{stage}", stage),
    ],
    [r.pdf.cac.preparedAt, formatInstant(report.updatedAt)],
    [
      r.pdf.cac.submittedAt,
      report.submittedAt ? formatInstant(report.submittedAt) : r.reports.notSubmitted,
    ],
    [r.pdf.cac.channel, report.channel ? pick(r.reports.channels, report.channel) : null],
    [r.pdf.cac.reference2, report.submissionReference],
  ];
  let title: string;
  let footerNote: string;
  let blocks: PdfBlock[];
  if (report.kind === "cac") {
    const p = r.pdf.cac;
    title = `${p.title}（${stage}）`;
    if (locale === "en") title = `${p.title} (${stage})`;
    footerNote = p.footer;
    const grade = facts.grade
      ? `${pick(i.grade, facts.grade)}（${facts.gradeConfirmed ? r.pdf.confirmed : r.pdf.proposed}）`
      : null;
    blocks = [
      { kind: "heading", text: p.unit },
      {
        kind: "keyValue",
        rows: [
          [p.unitName, organization],
          [p.contact, written("contact")],
        ],
      },
      { kind: "heading", text: p.basics },
      {
        kind: "keyValue",
        rows: [
          [p.reference, facts.reference],
          [p.summary, facts.summary],
          [p.discoveredAt, formatInstant(new Date(facts.discoveredAt))],
          [
            p.type,
            [pick(i.classification, facts.classification), breachTypes].filter(Boolean).join(" · "),
          ],
          [p.grade, grade],
          [p.systems, list(sep, facts.systems)],
          [p.dataCategories, categories],
          [p.affected, number(facts.estimatedAffected)],
          [p.directLoss, number(facts.directLossCny)],
          [p.vendor, facts.vendor],
          [p.status, pick(i.status, facts.status)],
        ],
      },
      { kind: "heading", text: p.description },
      { kind: "paragraph", text: facts.description },
      { kind: "heading", text: p.impact },
      { kind: "paragraph", text: written("impact") },
      { kind: "heading", text: p.measures },
      { kind: "paragraph", text: written("measures") },
      { kind: "heading", text: p.cause },
      { kind: "paragraph", text: written("cause") },
      { kind: "heading", text: p.followUp },
      { kind: "paragraph", text: written("followUp") },
      { kind: "heading", text: p.version },
      { kind: "keyValue", rows: versionRows },
      { kind: "paragraph", text: p.basis },
    ];
  } else {
    const p = r.pdf.gdpr33;
    title = locale === "en" ? `${p.title} (${stage})` : `${p.title}（${stage}）`;
    footerNote = p.footer;
    blocks = [
      { kind: "heading", text: p.controller },
      {
        kind: "keyValue",
        rows: [
          [p.controllerName, organization],
          [p.contact, written("contact")],
        ],
      },
      { kind: "heading", text: p.breach },
      {
        kind: "keyValue",
        rows: [
          [p.reference, facts.reference],
          [p.discoveredAt, formatInstant(new Date(facts.discoveredAt))],
          [p.nature, content.nature ?? facts.description],
          [p.breachTypes, breachTypes],
          [p.dataCategories, categories],
          [p.subjects, number(facts.estimatedAffected)],
          [p.records, written("records")],
          [
            p.laws,
            list(
              sep,
              facts.affectedLaws.map((k) => pick(i.law, k)!),
            ),
          ],
        ],
      },
      { kind: "heading", text: p.consequences },
      { kind: "paragraph", text: written("consequences") },
      { kind: "heading", text: p.measures },
      { kind: "paragraph", text: written("measures") },
      ...(content.delayReasons
        ? ([
            { kind: "heading", text: p.delay },
            { kind: "paragraph", text: content.delayReasons },
          ] as PdfBlock[])
        : []),
      { kind: "heading", text: p.version },
      { kind: "keyValue", rows: versionRows },
      { kind: "paragraph", text: p.phased },
    ];
  }
  return renderPdf({
    title: facts.drill ? `${r.pdf.drill}${title}` : title,
    subtitle: `${organization} · ${facts.reference}`,
    locale,
    generatedAt,
    footerNote,
    blocks,
  });
}

/** The download's file name: reference, kind and version, ASCII. */
export const reportFileName = (report: RegulatorReport, reference: string, locale: AppLocale) =>
  `${reference}-${report.kind}-v${report.version}-${locale}.pdf`;
