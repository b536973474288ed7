import { parseMessageKey } from "@/lib/imports/row-errors";

type Translate = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/** A stored row error's message ("errors.phoneFormat", "imports.rowErrors.duplicateRef?row=3") in the reader's language. */
export function rowErrorText(t: Translate, message: string): string {
  const { key, values } = parseMessageKey(message);
  return t.has(key as never) ? t(key as never, values as never) : t("errors.invalid" as never);
}
