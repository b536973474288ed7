/**
 * What an uploaded file is, read from its bytes rather than its name or the browser's claim:
 * evidence and reports are stored in PostgreSQL and handed back to other people, so a file whose
 * content is none of the kinds below is refused, and a download always names the detected type.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export const fileKinds = ["pdf", "png", "jpeg", "zip", "docx", "xlsx", "text"] as const;
export type FileKind = (typeof fileKinds)[number];

export const mediaTypes: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  // Text is served as plain text whatever its name says (an .html report never runs in the console).
  text: "text/plain; charset=utf-8",
};

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((b, i) => bytes[i] === b);

/** Office Open XML files are ZIP archives whose first entries name their part of the package. */
function zipKind(bytes: Uint8Array): FileKind {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (head.includes("word/")) return "docx";
  if (head.includes("xl/")) return "xlsx";
  return "zip";
}

/** UTF-8 that decodes cleanly and holds no NUL or other control bytes but tab and line breaks. */
function isText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  }
}

/** The file's kind by content, or undefined when it is none the console accepts (or is empty). */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  return isText(bytes) ? "text" : undefined;
}

/** A file name safe to store and to put in a Content-Disposition header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[\u0000-\u001F\u007F"]/g, "")
    .trim()
    .slice(0, 200);
  return clean || "file";
}

/** Headers for handing a stored file back: always an attachment, never sniffed into something else. */
export function downloadHeaders(fileName: string, kind: FileKind): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, "_");
  return {
    "Content-Type": mediaTypes[kind],
    "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
}
