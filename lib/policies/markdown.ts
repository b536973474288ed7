/**
 * A deliberately small Markdown subset for policy texts: headings, paragraphs, bullet and numbered
 * lists, **bold**, *italic*, [links](https://…) and pipe tables. The result is a tree of plain
 * strings that React renders as text, so no input ever becomes HTML; links keep only http(s) and
 * mailto targets.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "strong" | "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "table"; head: Inline[][]; rows: Inline[][][] };

const safeHref = /^(https?:\/\/|mailto:)/i;

/** The link target if it is http(s) or mailto, else undefined (the text stays, the link goes). */
export function safeLink(href: string): string | undefined {
  const trimmed = href.trim();
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips past filters.
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return undefined;
  return safeHref.test(trimmed) ? trimmed : undefined;
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const flush = () => {
    if (text) out.push({ type: "text", text });
    text = "";
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const strong = /^\*\*(.+?)\*\*/.exec(rest);
    const em = !strong && /^\*([^*]+?)\*/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]*)\)/.exec(rest);
    if (strong) {
      flush();
      out.push({ type: "strong", children: parseInline(strong[1]) });
      i += strong[0].length;
    } else if (em) {
      flush();
      out.push({ type: "em", children: parseInline(em[1]) });
      i += em[0].length;
    } else if (link) {
      flush();
      const href = safeLink(link[2]);
      const children = parseInline(link[1]);
      if (href) out.push({ type: "link", href, children });
      else out.push(...children);
      i += link[0].length;
    } else {
      text += source[i];
      i += 1;
    }
  }
  flush();
  return out;
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => parseInline(c.trim()));
const isTableRule = (line: string | undefined) =>
  !!line && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);
const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i += 1;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({
        type: "heading",
        level: heading[1].length as 1 | 2 | 3 | 4,
        children: parseInline(heading[2].trim()),
      });
      i += 1;
      continue;
    }
    if (line.includes("|") && isTableRule(lines[i + 1])) {
      const head = cells(line);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i].includes("|") && lines[i].trim() !== "")
        rows.push(cells(lines[i++]));
      blocks.push({ type: "table", head, rows });
      continue;
    }
    const listKind = bullet.test(line) ? bullet : numbered.test(line) ? numbered : undefined;
    if (listKind) {
      const items: Inline[][] = [];
      while (i < lines.length && listKind.test(lines[i]))
        items.push(parseInline(listKind.exec(lines[i++])![1]));
      blocks.push({ type: "list", ordered: listKind === numbered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() !== "" &&
      !/^#{1,4}\s/.test(lines[i]) &&
      !bullet.test(lines[i]) &&
      !numbered.test(lines[i])
    ) {
      paragraph.push(lines[i++].trim());
    }
    blocks.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
  }
  return blocks;
}
