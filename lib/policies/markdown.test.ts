import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseMarkdown, safeLink } from "./markdown";
import { PolicyMarkdown } from "./markdown-view";

const html = (source: string) => renderToStaticMarkup(createElement(PolicyMarkdown, { source }));

describe("policy Markdown", () => {
  it("renders headings, paragraphs, lists, emphasis, links and tables", () => {
    const out = html(
      "# 一、我们收集的信息\n\n我们**只**收集*必要*信息。\n\n- 手机号\n- 订单\n\n1. 第一\n2. 第二\n\n[联系我们](mailto:dpo@example.com)\n\n| SDK | 用途 |\n| --- | --- |\n| 支付宝 | 支付 |",
    );
    expect(out).toContain("<h2");
    expect(out).toContain("一、我们收集的信息</h2>");
    expect(out).toContain("我们<strong>只</strong>收集<em>必要</em>信息。");
    expect(out).toMatch(/<ul[^>]*><li>手机号<\/li><li>订单<\/li><\/ul>/);
    expect(out).toMatch(/<ol[^>]*><li>第一<\/li>/);
    expect(out).toContain('href="mailto:dpo@example.com"');
    expect(out).toContain("<th");
    expect(out).toContain(">支付宝</td>");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an image with an event handler", '<img src=x onerror="alert(1)">'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["an attribute break-out inside a link", '[x](https://ok.example/" onmouseover="alert(1))'],
  ])("escapes %s instead of emitting HTML", (_name, source) => {
    const out = html(source);
    expect(out).not.toMatch(/<(script|img|iframe)/i);
    expect(out).not.toMatch(/ on\w+="/i);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:x",
    "//evil.example",
    " javascript:alert(1)",
  ])("drops the link %j and keeps its text", (href) => {
    const out = html(`[click](${href})`);
    expect(out).not.toContain("<a");
    expect(out).toContain("click");
    expect(safeLink(href)).toBeUndefined();
  });

  it("keeps http, https and mailto links", () => {
    expect(safeLink("https://example.com/privacy")).toBe("https://example.com/privacy");
    expect(safeLink("http://example.com")).toBe("http://example.com");
    expect(safeLink("mailto:dpo@example.com")).toBe("mailto:dpo@example.com");
    expect(html("[a](https://example.com)")).toContain('rel="noopener noreferrer nofollow"');
  });

  it("joins soft-wrapped lines into one paragraph", () => {
    expect(parseMarkdown("line one\nline two")).toEqual([
      { type: "paragraph", children: [{ type: "text", text: "line one line two" }] },
    ]);
  });
});
