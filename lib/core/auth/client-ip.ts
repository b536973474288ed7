/**
 * The client's address for throttling. X-Forwarded-For is a list each proxy appends to, so only
 * the entries our own proxies added can be trusted: with `trustedHops` proxies in front, the
 * client is the entry that many places from the end (the leftmost entries are the client's own
 * claims). Without a proxy, Next fills the header from the socket when the client sent none;
 * production runs behind a reverse proxy (TRUSTED_PROXY_HOPS, default 1).
 */
export function clientIp(headers: Record<string, unknown> | Headers, trustedHops: number): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : (headers["x-forwarded-for"] as string | undefined);
  const entries = (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  return entries[entries.length - trustedHops] ?? entries[0] ?? "unknown";
}
