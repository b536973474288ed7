import { Fragment, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "./markdown";

/** Every string is rendered as a React text node (escaped); no HTML from the source is ever emitted. */
function inlines(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    if (node.type === "text") return <Fragment key={i}>{node.text}</Fragment>;
    if (node.type === "link") {
      return (
        <a
          key={i}
          href={node.href}
          rel="noopener noreferrer nofollow"
          className="text-brand-700 underline"
        >
          {inlines(node.children)}
        </a>
      );
    }
    return node.type === "strong" ? (
      <strong key={i}>{inlines(node.children)}</strong>
    ) : (
      <em key={i}>{inlines(node.children)}</em>
    );
  });
}

const headingClass = {
  1: "text-xl font-semibold",
  2: "text-lg font-semibold",
  3: "text-base font-semibold",
  4: "text-sm font-semibold",
};

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case "heading": {
      const Tag = `h${Math.min(b.level + 1, 6)}` as "h2";
      return (
        <Tag key={i} className={headingClass[b.level]}>
          {inlines(b.children)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={i}>{inlines(b.children)}</p>;
    case "list": {
      const Tag = b.ordered ? "ol" : "ul";
      return (
        <Tag
          key={i}
          className={b.ordered ? "list-decimal space-y-1 pl-6" : "list-disc space-y-1 pl-6"}
        >
          {b.items.map((item, j) => (
            <li key={j}>{inlines(item)}</li>
          ))}
        </Tag>
      );
    }
    case "table":
      return (
        <div key={i} className="overflow-x-auto">
          <table className="min-w-full border border-slate-200 text-sm">
            <thead className="bg-slate-50">
              <tr>
                {b.head.map((c, j) => (
                  <th key={j} scope="col" className="border border-slate-200 px-2 py-1 text-left">
                    {inlines(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, j) => (
                    <td key={j} className="border border-slate-200 px-2 py-1 align-top">
                      {inlines(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** Renders policy Markdown (the safe subset in ./markdown) — the console preview and the public pages use this. */
export function PolicyMarkdown({ source, lang }: { source: string; lang?: string }) {
  return (
    <div lang={lang} className="space-y-3 text-sm leading-relaxed text-slate-800">
      {parseMarkdown(source).map(block)}
    </div>
  );
}
