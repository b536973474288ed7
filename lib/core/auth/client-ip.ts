/**
 * The client's address as the nearest trusted proxy saw it. Behind a load balancer the first
 * X-Forwarded-For entry is the client; locally there is none.
 */
export function clientIp(headers: Record<string, unknown> | Headers): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined) ?? null;
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || "local";
}
