import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allPermissions } from "@/lib/core/authz/permissions";
import { loadJobs, messageNamespaces, modules, navItems } from "./modules";

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const files = (locale: string) =>
  readdirSync(`messages/${locale}`)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();

// Each module declares itself once; these hold the declarations to one another.
describe("module declarations", () => {
  it("give each module, resource, audit action, namespace and job one owner", async () => {
    expect(duplicates(modules.map((m) => m.name))).toEqual([]);
    expect(duplicates(modules.flatMap((m) => Object.keys(m.permissions)))).toEqual([]);
    expect(duplicates(modules.flatMap((m) => m.auditActions))).toEqual([]);
    expect(duplicates(messageNamespaces)).toEqual([]);
    expect(duplicates((await loadJobs()).map((j) => j.name))).toEqual([]);
  });

  it("name audit actions entity.verb", () => {
    for (const action of modules.flatMap((m) => m.auditActions))
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it("declare exactly the message files, in both languages", () => {
    expect(files("zh-CN")).toEqual([...messageNamespaces].sort());
    expect(files("en")).toEqual([...messageNamespaces].sort());
  });

  it("give every sidebar entry a permission, a label in both languages and its own place", () => {
    for (const locale of ["zh-CN", "en"]) {
      const labels = JSON.parse(readFileSync(`messages/${locale}/nav.json`, "utf8")) as Record<
        string,
        unknown
      >;
      for (const item of navItems)
        expect(typeof labels[item.key], `${locale} nav.${item.key}`).toBe("string");
    }
    for (const item of navItems) expect(allPermissions).toContain(item.permission);
    expect(duplicates(navItems.map((i) => String(i.position)))).toEqual([]);
    expect(duplicates(navItems.map((i) => i.href))).toEqual([]);
  });
});
