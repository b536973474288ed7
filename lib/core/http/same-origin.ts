const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change anything on the console's and portal's cookie-authenticated
 * surface (server actions, route handlers, next-auth): a safe method, or a browser's own
 * same-origin request. That is `Sec-Fetch-Site: same-origin` where the browser sends it, and
 * otherwise an `Origin` naming the host the request was sent to (`X-Forwarded-Host` behind a
 * proxy, as Next's own server action check). A request with neither is refused: Next lets a
 * server action without `Origin` through, and checks no route handler at all.
 */
export function isSameOriginOrSafe(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host.split(",")[0].trim();
  } catch {
    return false; // "null" (a sandboxed or privacy-sensitive context) or garbage
  }
}
