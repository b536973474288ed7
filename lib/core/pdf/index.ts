export { renderPdf } from "./render";
export type { PdfBlock, PdfSpec } from "./spec";
export { formatInstant } from "./footer";
