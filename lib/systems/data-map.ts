import type { LocalizedText } from "@/db/schema/policies";
import type { DataMapFilter } from "./schemas";

/** What the map is drawn from: the organisation's active systems, vendors and purposes. */
export interface MapInput {
  home: string;
  systems: Array<{
    id: string;
    name: string;
    kind: string;
    country: string;
    vendorId: string | null;
    dataCategories: string[];
    purposeIds: string[];
  }>;
  vendors: Array<{ id: string; name: string; service: string; country: string }>;
  purposes: Array<{
    id: string;
    code: string;
    name: LocalizedText;
    dataCategories: string[];
    recipientVendorIds: string[];
  }>;
}

export type NodeKind = "system" | "vendor" | "country";
export interface MapNode {
  key: string;
  kind: NodeKind;
  id: string;
  name: string;
  /** A system's kind, a vendor's service; a country's code. */
  detail: string;
  abroad: boolean;
}

/** hosting: a vendor runs the system; sharing: a purpose sends data to a recipient; location: where data rests. */
export type EdgeKind = "hosting" | "sharing" | "location";
export interface MapEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  categories: string[];
  /** Codes of the purposes a sharing flow serves. */
  purposes: string[];
  /** Its receiving end is outside the organisation's home country (mainland China). */
  crossBorder: boolean;
}

export interface DataMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

/**
 * The data map as a graph: systems, vendors and countries as nodes; flows carrying data
 * categories as edges. A system sends what it holds to the vendor that hosts it, and, for each
 * purpose it serves, that purpose's categories it holds (all of them when it holds none of
 * them) to the purpose's recipients; systems and vendors rest in their countries (a system
 * hosted by a vendor in its own country through that vendor). Parallel flows
 * between two nodes are one edge with the union of their categories and purposes. A filter keeps
 * the flows carrying a category or serving a purpose, and the nodes they join.
 */
export function buildDataMap(input: MapInput, filter: DataMapFilter = {}): DataMap {
  const vendorById = new Map(input.vendors.map((v) => [v.id, v]));
  const purposeById = new Map(input.purposes.map((p) => [p.id, p]));
  const edges = new Map<string, MapEdge>();
  const add = (edge: MapEdge) => {
    const key = `${edge.from}>${edge.to}>${edge.kind}`;
    const seen = edges.get(key);
    edges.set(
      key,
      seen
        ? {
            ...seen,
            categories: union(seen.categories, edge.categories),
            purposes: union(seen.purposes, edge.purposes),
          }
        : { ...edge, categories: [...edge.categories].sort(), purposes: [...edge.purposes].sort() },
    );
  };
  const abroad = (country: string) => country !== input.home;

  for (const system of input.systems) {
    const from = `system:${system.id}`;
    const servesFilter = !filter.purpose || system.purposeIds.includes(filter.purpose);
    if (servesFilter) {
      const host = system.vendorId ? vendorById.get(system.vendorId) : undefined;
      // Where it rests goes without saying when its host vendor rests in the same country.
      if (host?.country !== system.country)
        add({
          from,
          to: `country:${system.country}`,
          kind: "location",
          categories: system.dataCategories,
          purposes: [],
          crossBorder: abroad(system.country),
        });
      if (host)
        add({
          from,
          to: `vendor:${host.id}`,
          kind: "hosting",
          categories: system.dataCategories,
          purposes: [],
          crossBorder: abroad(host.country),
        });
    }
    for (const purposeId of system.purposeIds) {
      const purpose = purposeById.get(purposeId);
      if (!purpose || (filter.purpose && filter.purpose !== purposeId)) continue;
      const held = purpose.dataCategories.filter((c) => system.dataCategories.includes(c));
      for (const vendorId of purpose.recipientVendorIds) {
        const vendor = vendorById.get(vendorId);
        if (!vendor) continue;
        add({
          from,
          to: `vendor:${vendor.id}`,
          kind: "sharing",
          categories: held.length > 0 ? held : purpose.dataCategories,
          purposes: [purpose.code],
          crossBorder: abroad(vendor.country),
        });
      }
    }
  }
  // A vendor rests where it is, holding what flows to it.
  for (const edge of [...edges.values()]) {
    if (!edge.to.startsWith("vendor:")) continue;
    const vendor = vendorById.get(edge.to.slice("vendor:".length))!;
    add({
      from: edge.to,
      to: `country:${vendor.country}`,
      kind: "location",
      categories: edge.categories,
      purposes: edge.purposes,
      crossBorder: abroad(vendor.country),
    });
  }

  const kept = [...edges.values()].filter(
    (edge) => !filter.category || edge.categories.includes(filter.category),
  );
  const used = new Set(kept.flatMap((edge) => [edge.from, edge.to]));
  const nodes: MapNode[] = [];
  for (const s of input.systems)
    if (used.has(`system:${s.id}`))
      nodes.push(node("system", s.id, s.name, s.kind, abroad(s.country)));
  for (const v of input.vendors)
    if (used.has(`vendor:${v.id}`))
      nodes.push(node("vendor", v.id, v.name, v.service, abroad(v.country)));
  for (const key of used)
    if (key.startsWith("country:")) {
      const code = key.slice("country:".length);
      nodes.push(node("country", code, code, code, abroad(code)));
    }
  return { nodes, edges: kept };
}

const node = (kind: NodeKind, id: string, name: string, detail: string, abroad: boolean) => ({
  key: `${kind}:${id}`,
  kind,
  id,
  name,
  detail,
  abroad,
});
