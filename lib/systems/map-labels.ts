import "server-only";
import { translator } from "@/lib/core/i18n/translator";
import type { MapLabels } from "./data-map-svg";

/** The drawing's words in the reader's language (or the language a test asks for). */
export async function dataMapLabels(): Promise<MapLabels> {
  const [t, category, region] = await Promise.all([
    translator("systems"),
    translator("dataCategories"),
    translator("vendors"),
  ]);
  return {
    title: t("map.svgTitle"),
    columns: {
      system: t("map.columns.system"),
      vendor: t("map.columns.vendor"),
      country: t("map.columns.country"),
    },
    edges: {
      hosting: t("map.edges.hosting"),
      sharing: t("map.edges.sharing"),
      location: t("map.edges.location"),
      crossBorder: t("map.edges.crossBorder"),
    },
    kind: (code) => t(`kinds.${code}`),
    category: (code) => category(code),
    country: (code) => region(`options.regions.${code}`),
    home: t("map.home"),
    abroad: t("map.abroad"),
    empty: t("map.empty"),
  };
}
