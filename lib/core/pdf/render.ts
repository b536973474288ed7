import PDFDocument from "pdfkit";

import { fontBytes } from "./font";
import { footerTexts } from "./footer";
import type { PdfBlock, PdfSpec } from "./spec";

// A4 in points, 2 cm side margins; the bottom margin leaves room for the footer.
const PAGE = { size: "A4" as const, margin: 56, bottom: 72 };
const INK = "#111827";
const MUTED = "#6b7280";
const RULE = "#d1d5db";
const SHADE = "#f3f4f6";
const CELL_PAD = 5;
const EMPTY = "—";

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - PAGE.margin * 2;
const bottomLimit = (doc: Doc) => doc.page.height - PAGE.bottom;
const textOf = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === "" ? EMPTY : value;

function style(doc: Doc, weight: "regular" | "bold", size: number, color = INK) {
  doc.font(weight).fontSize(size).fillColor(color);
}

/** Starts a new page unless `height` more points fit on this one. */
function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottomLimit(doc)) return false;
  doc.addPage();
  return true;
}

function heading(doc: Doc, text: string) {
  style(doc, "bold", 13);
  // Keep a heading with at least two lines of what follows it.
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 40);
  doc.moveDown(0.6);
  doc.text(text, PAGE.margin, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string) {
  style(doc, "regular", 10.5);
  doc.text(text, PAGE.margin, doc.y, { width: contentWidth(doc), lineGap: 3 });
  doc.moveDown(0.5);
}

/** One row of cells with borders; the tallest cell sets its height. */
function row(
  doc: Doc,
  cells: string[],
  widths: number[],
  weight: "regular" | "bold",
  fills: ReadonlyArray<string | undefined> = [],
) {
  style(doc, weight, 9.5);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell, { width: widths[i] - CELL_PAD * 2, lineGap: 2 }),
  );
  const height = Math.max(...heights) + CELL_PAD * 2;
  const top = doc.y;
  let x = PAGE.margin;
  cells.forEach((cell, i) => {
    if (fills[i]) doc.rect(x, top, widths[i], height).fill(fills[i]);
    doc.rect(x, top, widths[i], height).lineWidth(0.5).stroke(RULE);
    style(doc, weight, 9.5);
    doc.text(cell, x + CELL_PAD, top + CELL_PAD, { width: widths[i] - CELL_PAD * 2, lineGap: 2 });
    x += widths[i];
  });
  doc.x = PAGE.margin;
  doc.y = top + height;
}

function rowHeight(doc: Doc, cells: string[], widths: number[], weight: "regular" | "bold") {
  style(doc, weight, 9.5);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell, { width: widths[i] - CELL_PAD * 2, lineGap: 2 }),
  );
  return Math.max(...heights) + CELL_PAD * 2;
}

function keyValue(doc: Doc, rows: Extract<PdfBlock, { kind: "keyValue" }>["rows"]) {
  const width = contentWidth(doc);
  const widths = [Math.round(width * 0.32), width - Math.round(width * 0.32)];
  for (const [label, value] of rows) {
    const cells = [label, textOf(value)];
    ensureRoom(doc, rowHeight(doc, cells, widths, "regular"));
    row(doc, cells, widths, "regular", [SHADE]);
  }
  doc.moveDown(0.5);
}

function table(doc: Doc, block: Extract<PdfBlock, { kind: "table" }>) {
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = block.columns.map((c) => (contentWidth(doc) * (c.width ?? 1)) / total);
  const header = block.columns.map((c) => c.label);
  const headerHeight = rowHeight(doc, header, widths, "bold");
  ensureRoom(doc, headerHeight * 2);
  row(
    doc,
    header,
    widths,
    "bold",
    header.map(() => SHADE),
  );
  for (const cells of block.rows) {
    const text = block.columns.map((_, i) => textOf(cells[i]));
    if (ensureRoom(doc, rowHeight(doc, text, widths, "regular"))) {
      row(
        doc,
        header,
        widths,
        "bold",
        header.map(() => SHADE),
      );
    }
    row(doc, text, widths, "regular");
  }
  doc.moveDown(0.5);
}

/** Page numbers and the generation time go on every page once the page count is known. */
function footers(doc: Doc, spec: PdfSpec) {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { generated, page } = footerTexts(
      spec.locale,
      spec.generatedAt,
      spec.timeZone,
      i + 1,
      range.count,
    );
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - PAGE.bottom + 28;
    const width = contentWidth(doc);
    style(doc, "regular", 8, MUTED);
    doc
      .moveTo(PAGE.margin, y - 8)
      .lineTo(PAGE.margin + width, y - 8)
      .lineWidth(0.5)
      .stroke(RULE);
    const left = spec.footerNote ? `${spec.footerNote} · ${generated}` : generated;
    doc.text(left, PAGE.margin, y, { width: width * 0.75, lineBreak: false });
    doc.text(page, PAGE.margin, y, { width, align: "right", lineBreak: false });
    doc.page.margins.bottom = PAGE.bottom;
  }
}

/**
 * Sets a document in Noto Sans SC (only the glyphs it uses are embedded) on A4 pages and returns
 * the PDF's bytes.
 */
export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: PAGE.bottom },
    bufferPages: true,
    // No default font: pdfkit's Helvetica would be read from its package's files. (Opening ours
    // here instead would defeat pdfkit's cache for the registered name: it then re-parses the
    // 10 MB font on every switch.)
    font: null as unknown as string,
    lang: spec.locale,
    displayTitle: true,
    info: {
      Title: spec.title,
      Creator: "Privacy Desk",
      Producer: "Privacy Desk",
      CreationDate: spec.generatedAt,
    },
  });
  doc.registerFont("regular", fontBytes("regular"));
  doc.registerFont("bold", fontBytes("bold"));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  style(doc, "bold", 18);
  doc.text(spec.title, PAGE.margin, PAGE.margin, { width: contentWidth(doc) });
  if (spec.subtitle) {
    style(doc, "regular", 10.5, MUTED);
    doc.moveDown(0.2).text(spec.subtitle, { width: contentWidth(doc) });
  }
  doc.moveDown(0.8);
  for (const block of spec.blocks) {
    if (block.kind === "heading") heading(doc, block.text);
    else if (block.kind === "paragraph") paragraph(doc, block.text);
    else if (block.kind === "keyValue") keyValue(doc, block.rows);
    else table(doc, block);
  }
  footers(doc, spec);
  doc.end();
  return done;
}
