import "server-only";
import { getTranslations } from "next-intl/server";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Server-side messages of one namespace in the request's locale. */
export async function translator(namespace: string): Promise<Translate> {
  const t = await getTranslations(namespace);
  return (key, values) => t(key as never, values as never);
}
