import type { AppLocale } from "@/lib/core/i18n/locale";

/**
 * What a PDF says, as data: modules build one of these (a title, then blocks in reading order)
 * and `renderPdf` sets it. Text is plain; empty values print as a dash.
 */
export type PdfBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** Label and value pairs in two columns, e.g. an incident's facts. */
  | { kind: "keyValue"; rows: ReadonlyArray<readonly [label: string, value: string | null]> }
  /** A grid with a header row, repeated on each page it spans; widths are relative (default 1). */
  | {
      kind: "table";
      columns: ReadonlyArray<{ label: string; width?: number }>;
      rows: ReadonlyArray<ReadonlyArray<string | null>>;
    };

export interface PdfSpec {
  title: string;
  /** A line under the title (the organisation, a reference number). */
  subtitle?: string;
  /** The language of the footer's words and of the document's metadata. */
  locale: AppLocale;
  /** Printed in every page's footer. */
  generatedAt: Date;
  /** For the generation time; default the organisation's (Asia/Shanghai). */
  timeZone?: string;
  /** Left part of every page's footer (e.g. "机密 · 仅供监管机构"). */
  footerNote?: string;
  blocks: readonly PdfBlock[];
}
