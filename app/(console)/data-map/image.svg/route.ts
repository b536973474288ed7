import { defineRoute } from "@/lib/core/actions/define-route";
import { buildDataMap } from "@/lib/systems/data-map";
import { renderDataMapSvg } from "@/lib/systems/data-map-svg";
import { dataMapLabels } from "@/lib/systems/map-labels";
import { dataMapInput } from "@/lib/systems/queries";
import { dataMapFilterSchema } from "@/lib/systems/schemas";

/**
 * The data map as an SVG image, filtered as the page is: shown on the page and, with
 * `?download=1`, saved as a file. It names systems, vendors and countries, no personal data.
 */
export const GET = defineRoute("systems.read", async ({ tx, orgId }, request) => {
  const params = new URL(request.url).searchParams;
  const filter = dataMapFilterSchema.parse(Object.fromEntries(params));
  const svg = renderDataMapSvg(
    buildDataMap(await dataMapInput(tx, orgId), filter),
    await dataMapLabels(),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
      ...(params.get("download") === "1"
        ? { "Content-Disposition": `attachment; filename="data-map-${day}.svg"` }
        : {}),
    },
  });
});
