import { compareNames } from "@/lib/core/i18n/collate";
import type { DataMap, EdgeKind, MapEdge, MapNode, NodeKind } from "./data-map";

/** The words the drawing needs, in the reader's language. */
export interface MapLabels {
  title: string;
  columns: Record<NodeKind, string>;
  edges: Record<EdgeKind | "crossBorder", string>;
  /** A system's kind, a category, a country, by code. */
  kind: (code: string) => string;
  category: (code: string) => string;
  country: (code: string) => string;
  home: string;
  abroad: string;
  empty: string;
}

const NODE_W = 220;
const NODE_H = 48;
const ROW = NODE_H + 16;
const GAP = 210;
const MARGIN = 24;
const TOP = 76;
const FONT = `"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif`;
const columnOf: Record<NodeKind, number> = { system: 0, vendor: 1, country: 2 };
const colors: Record<NodeKind, { fill: string; stroke: string }> = {
  system: { fill: "#eef2ff", stroke: "#6366f1" },
  vendor: { fill: "#fffbeb", stroke: "#d97706" },
  country: { fill: "#f8fafc", stroke: "#64748b" },
};
const edgeColors: Record<EdgeKind, string> = {
  hosting: "#6366f1",
  sharing: "#0284c7",
  location: "#94a3b8",
};
const CROSS_BORDER = "#e11d48";
const MAX_LABELLED = 8;

export const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** Roughly how wide text is drawn: CJK characters a full em, others a little over half. */
const widthOf = (text: string, size: number) =>
  [...text].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? size : size * 0.58), 0);

/** The text, cut with an ellipsis to fit `max` pixels. */
export function fit(text: string, size: number, max: number): string {
  if (widthOf(text, size) <= max) return text;
  let out = "";
  for (const c of text) {
    if (widthOf(`${out}${c}…`, size) > max) break;
    out += c;
  }
  return `${out}…`;
}

/**
 * Places the nodes in three columns (systems, vendors, countries): systems by name, vendors and
 * countries by the mean row of what flows into them (fewer crossings), the home country first.
 */
function place(map: DataMap): Map<string, { x: number; y: number; node: MapNode }> {
  const rows = new Map<string, number>();
  const byKind = (kind: NodeKind) => map.nodes.filter((n) => n.kind === kind);
  const mean = (key: string) => {
    const from = map.edges.filter((e) => e.to === key).map((e) => rows.get(e.from) ?? 0);
    return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.MAX_SAFE_INTEGER;
  };
  byKind("system")
    .sort((a, b) => compareNames(a.name, b.name))
    .forEach((n, i) => rows.set(n.key, i));
  for (const kind of ["vendor", "country"] as const)
    byKind(kind)
      .map((n) => ({ n, at: kind === "country" && !n.abroad ? -1 : mean(n.key) }))
      .sort((a, b) => a.at - b.at || compareNames(a.n.name, b.n.name))
      .forEach(({ n }, i) => rows.set(n.key, i));
  const placed = new Map<string, { x: number; y: number; node: MapNode }>();
  for (const node of map.nodes)
    placed.set(node.key, {
      node,
      x: MARGIN + columnOf[node.kind] * (NODE_W + GAP),
      y: TOP + rows.get(node.key)! * ROW,
    });
  return placed;
}

/** Where each edge leaves its source and meets its target: spread over the node's height. */
function ports(map: DataMap, placed: ReturnType<typeof place>) {
  const spread = (edges: MapEdge[], end: "from" | "to") => {
    const groups = new Map<string, MapEdge[]>();
    for (const e of edges) groups.set(e[end], [...(groups.get(e[end]) ?? []), e]);
    const at = new Map<MapEdge, number>();
    for (const [key, group] of groups) {
      const other = end === "from" ? "to" : "from";
      group.sort((a, b) => placed.get(a[other])!.y - placed.get(b[other])!.y);
      const top = placed.get(key)!.y + 10;
      const step = group.length > 1 ? (NODE_H - 20) / (group.length - 1) : 0;
      group.forEach((e, i) => at.set(e, group.length > 1 ? top + i * step : top + NODE_H / 2 - 10));
    }
    return at;
  };
  return { out: spread(map.edges, "from"), in: spread(map.edges, "to") };
}

/** The data map as a standalone SVG document (styles inline, so the exported file looks the same). */
export function renderDataMapSvg(map: DataMap, labels: MapLabels): string {
  const placed = place(map);
  const rows = Math.max(
    1,
    ...(["system", "vendor", "country"] as const).map(
      (k) => map.nodes.filter((n) => n.kind === k).length,
    ),
  );
  const width = MARGIN * 2 + NODE_W * 3 + GAP * 2;
  const height = TOP + rows * ROW + 64;
  const { out, in: inn } = ports(map, placed);
  const parts: string[] = [];
  parts.push(
    `<text x="${MARGIN}" y="28" font-size="16" font-weight="600" fill="#0f172a">${escapeXml(labels.title)}</text>`,
  );
  for (const kind of ["system", "vendor", "country"] as const)
    parts.push(
      `<text x="${MARGIN + columnOf[kind] * (NODE_W + GAP)}" y="58" font-size="12" font-weight="600" fill="#475569">${escapeXml(labels.columns[kind])}</text>`,
    );
  if (map.nodes.length === 0)
    parts.push(
      `<text x="${MARGIN}" y="${TOP + 20}" font-size="13" fill="#64748b">${escapeXml(labels.empty)}</text>`,
    );

  // Categories written on the flows while they stay legible; beyond that, on hover and in the table.
  const labelled = map.edges.filter((e) => e.kind !== "location").length <= MAX_LABELLED;
  const labelParts: string[] = [];
  for (const edge of map.edges) {
    const a = placed.get(edge.from)!;
    const b = placed.get(edge.to)!;
    const x1 = a.x + NODE_W;
    const y1 = out.get(edge)!;
    const x2 = b.x;
    const y2 = inn.get(edge)!;
    const dx = (x2 - x1) / 2;
    const color = edge.crossBorder ? CROSS_BORDER : edgeColors[edge.kind];
    const dash = edge.kind === "location" ? ` stroke-dasharray="4 4"` : "";
    const widthPx = edge.crossBorder ? 2.5 : 1.5;
    parts.push(
      `<path d="M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}" fill="none" stroke="${color}" stroke-width="${widthPx}"${dash} opacity="0.85"><title>${escapeXml(edge.categories.map(labels.category).join("、"))}</title></path>`,
    );
    if (edge.kind === "location" || !labelled) continue;
    // The categories it carries, at the curve's middle, on a white ground.
    const text = fit(edge.categories.map(labels.category).join("、"), 11, GAP - 16);
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    const w = widthOf(text, 11) + 8;
    labelParts.push(
      `<rect x="${mx - w / 2}" y="${my - 8}" width="${w}" height="16" rx="3" fill="#ffffff" opacity="0.92"/>`,
      `<text x="${mx}" y="${my + 4}" font-size="11" text-anchor="middle" fill="${color}">${escapeXml(text)}</text>`,
    );
  }
  for (const { node, x, y } of placed.values()) {
    const c = colors[node.kind];
    const stroke = node.kind !== "system" && node.abroad ? CROSS_BORDER : c.stroke;
    const name = node.kind === "country" ? labels.country(node.id) : node.name;
    const detail =
      node.kind === "system"
        ? labels.kind(node.detail)
        : node.kind === "country"
          ? node.abroad
            ? labels.abroad
            : labels.home
          : node.detail;
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${NODE_W}" height="${NODE_H}" rx="8" fill="${c.fill}" stroke="${stroke}" stroke-width="1.5"/>`,
      `<text x="${x + 12}" y="${y + 20}" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(fit(name, 13, NODE_W - 24))}</text>`,
      `<text x="${x + 12}" y="${y + 37}" font-size="11" fill="#475569">${escapeXml(fit(detail, 11, NODE_W - 24))}</text></g>`,
    );
  }
  parts.push(...labelParts);
  // Legend.
  const legendY = height - 28;
  let lx = MARGIN;
  for (const [key, color, dash] of [
    ["hosting", edgeColors.hosting, ""],
    ["sharing", edgeColors.sharing, ""],
    ["location", edgeColors.location, ` stroke-dasharray="4 4"`],
    ["crossBorder", CROSS_BORDER, ""],
  ] as const) {
    const text = labels.edges[key];
    parts.push(
      `<line x1="${lx}" y1="${legendY}" x2="${lx + 28}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 34}" y="${legendY + 4}" font-size="11" fill="#334155">${escapeXml(text)}</text>`,
    );
    lx += 34 + widthOf(text, 11) + 28;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' role="img" aria-label="${escapeXml(labels.title)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}
