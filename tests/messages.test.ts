import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { supportedLocales } from "@/lib/core/i18n/locale";

const root = join(import.meta.dirname, "..", "messages");

/** Every leaf of a message file as its dotted path ("list.empty"); arrays count as leaves. */
function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

const namespaces = (locale: string) =>
  readdirSync(join(root, locale))
    .filter((f) => f.endsWith(".json"))
    .sort();
const keys = (locale: string, file: string) =>
  keysOf(JSON.parse(readFileSync(join(root, locale, file), "utf8"))).sort();

describe("messages", () => {
  it("every language has the same namespaces", () => {
    for (const locale of supportedLocales)
      expect(namespaces(locale), locale).toEqual(namespaces("zh-CN"));
  });

  // A key missing in one language shows its raw path on screen (next-intl's fallback) to that reader.
  it.each(namespaces("zh-CN"))("%s has the same keys in every language", (file) => {
    for (const locale of supportedLocales)
      expect(keys(locale, file), `${locale}/${file}`).toEqual(keys("zh-CN", file));
  });

  it("holds no empty text", () => {
    for (const locale of supportedLocales) {
      for (const file of namespaces(locale)) {
        const messages = JSON.parse(readFileSync(join(root, locale, file), "utf8"));
        const empty = keys(locale, file).filter(
          (path) => path.split(".").reduce((node, k) => node?.[k], messages) === "",
        );
        expect(empty, `${locale}/${file}`).toEqual([]);
      }
    }
  });
});
