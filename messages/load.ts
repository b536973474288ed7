import { messageNamespaces } from "@/lib/modules";

/** One JSON file per namespace and locale, each declared by the module that owns its strings. */
export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    messageNamespaces.map(
      async (ns) => [ns, (await import(`./${locale}/${ns}.json`)).default] as const,
    ),
  );
  return Object.fromEntries(entries);
}
