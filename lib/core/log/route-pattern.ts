/**
 * A request's path with its dynamic segments named instead of given (`/api/v1/customers/
 * [externalRef]/consents`): what a log line or a metric label may say of the path. The values
 * (a customer's reference) stay out.
 */
export function routePattern(pathname: string, params: Record<string, string>): string {
  const names = new Map(Object.entries(params).map(([name, value]) => [value, name]));
  return pathname
    .split("/")
    .map((segment) => {
      const name = names.get(safeDecode(segment));
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
