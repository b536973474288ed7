import "server-only";
import type { LocalizedText } from "@/db/schema/policies";
import { renderPdf, type PdfSpec } from "@/lib/core/pdf";
import type { AppLocale } from "@/lib/core/i18n/locale";
import type { Translate } from "@/lib/core/i18n/translator";

export interface CertificateFacts {
  holderName: string;
  courseTitle: LocalizedText;
  organisation: LocalizedText;
  issuedAt: Date;
  score: number;
  code: string;
  /** The public page that checks the code. */
  verifyUrl: string;
}

const day = (at: Date, locale: AppLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(at);

/** The certificate as the PDF core's data: who, which course, when, and how to verify it. */
export function certificateSpec(
  facts: CertificateFacts,
  locale: AppLocale,
  t: Translate,
  now: Date = new Date(),
): PdfSpec {
  const course = facts.courseTitle[locale] || facts.courseTitle["zh-CN"];
  return {
    title: t("certificate.title"),
    subtitle: facts.organisation[locale],
    locale,
    generatedAt: now,
    footerNote: t("pdf.footer"),
    blocks: [
      {
        kind: "paragraph",
        text: t("pdf.statement", {
          name: facts.holderName,
          course,
          date: day(facts.issuedAt, locale),
        }),
      },
      {
        kind: "keyValue",
        rows: [
          [t("certificate.holder"), facts.holderName],
          [t("certificate.course"), course],
          [t("certificate.issued"), day(facts.issuedAt, locale)],
          [t("certificate.score"), `${facts.score}%`],
          [t("certificate.code"), facts.code],
        ],
      },
      { kind: "heading", text: t("pdf.verifyHeading") },
      { kind: "paragraph", text: t("pdf.verifyBody", { url: facts.verifyUrl, code: facts.code }) },
    ],
  };
}

export const certificatePdf = (
  facts: CertificateFacts,
  locale: AppLocale,
  t: Translate,
): Promise<Buffer> => renderPdf(certificateSpec(facts, locale, t));
