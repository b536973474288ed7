/** One JSON file per namespace and locale, so each module owns its strings. */
export const namespaces = [
  "common", "errors", "auth", "account", "nav", "overview", "organization", "users", "departments", "vendors", "audit",
  "customers", "keys", "api", "imports", "policies", "purposes", "dataCategories", "consent", "portal", "tasks", "requests", "fulfilment", "portalRequests",
] as const;

export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    namespaces.map(async (ns) => [ns, (await import(`./${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
