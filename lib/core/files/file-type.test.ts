import { describe, expect, it } from "vitest";
import { cleanFileName, detectFileKind, downloadHeaders } from "./file-type";

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("detectFileKind", () => {
  it.each([
    ["pdf", bytes("%PDF-1.7\n…")],
    ["png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ["docx", bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml")],
    ["xlsx", bytes([0x50, 0x4b, 0x03, 0x04], "....xl/workbook.xml")],
    ["zip", bytes([0x50, 0x4b, 0x03, 0x04], "report/findings.csv")],
    ["text", new TextEncoder().encode("发现 1: SQL 注入\r\n\tseverity: high\n")],
  ])("reads %s from the content", (kind, content) => {
    expect(detectFileKind(content)).toBe(kind);
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["an executable", bytes([0x4d, 0x5a, 0x90, 0x00, 0x03])],
    ["an ELF binary", bytes([0x7f, 0x45, 0x4c, 0x46, 0x02])],
    ["invalid UTF-8", bytes([0x61, 0xc3, 0x28])],
    ["text with a NUL byte", bytes("abc", [0], "def")],
  ])("refuses %s", (_, content) => {
    expect(detectFileKind(content)).toBeUndefined();
  });

  it("does not believe a name: a PDF name on an executable is still refused", () => {
    expect(detectFileKind(bytes([0x4d, 0x5a, 0x90, 0x00], "%PDF-"))).toBeUndefined();
  });
});

describe("downloads", () => {
  it("strips paths and control characters from names", () => {
    expect(cleanFileName('C:\\temp\\..\\report\u0007 "final".pdf')).toBe("report final.pdf");
    expect(cleanFileName("/etc/")).toBe("file");
  });
  it("always sends an attachment with the detected type, and the name both ways", () => {
    const headers = downloadHeaders("渗透测试报告.html", "text");
    expect(headers["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(headers["Content-Disposition"]).toBe(
      `attachment; filename="______.html"; filename*=UTF-8''${encodeURIComponent("渗透测试报告.html")}`,
    );
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
