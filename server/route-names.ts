import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestRoute {
  page: string;
  regex: string;
}

/**
 * Names a request's path by the route that answers it (`/p/[org]/requests`), from the build's
 * routes manifest: the label of the request metrics and the request log, never the path itself,
 * whose segments may be a customer's reference. Next's static files are one route; a path no
 * route matches is "unmatched".
 */
export function routeNamer(distDir = join(process.cwd(), ".next")): (pathname: string) => string {
  const file = join(distDir, "routes-manifest.json");
  const manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as {
        staticRoutes?: ManifestRoute[];
        dynamicRoutes?: ManifestRoute[];
      })
    : {};
  const routes = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map(
    (route) => ({ page: route.page, regex: new RegExp(route.regex) }),
  );
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next";
    return routes.find((route) => route.regex.test(pathname))?.page ?? "unmatched";
  };
}
