import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { AppLocale } from "@/lib/core/i18n/locale";
import { datasetNames, type PackageData } from "./collect";
import { toCsv } from "./csv";
import { summaryHtml } from "./summary-html";

export interface BuiltPackage {
  zip: Buffer;
  sha256: string;
  counts: Record<string, number>;
}

/**
 * The ZIP: summary.html, profile.json/.csv and a JSON and a CSV file per dataset (portability
 * means machine-readable). Deterministic entry order; compressed at a level that keeps it fast.
 */
export function buildPackage(
  data: PackageData,
  meta: { reference: string; generatedAt: Date; locale: AppLocale },
): BuiltPackage {
  const mtime = meta.generatedAt;
  const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  const files: Zippable = {
    "summary.html": strToU8(
      summaryHtml(data, {
        reference: meta.reference,
        generatedAt: meta.generatedAt.toISOString(),
        locale: meta.locale,
      }),
    ),
    "profile.json": json(data.profile),
    "profile.csv": strToU8(toCsv([data.profile])),
  };
  for (const name of datasetNames) {
    files[`${name}.json`] = json(data[name]);
    files[`${name}.csv`] = strToU8(toCsv(data[name]));
  }
  const zip = Buffer.from(zipSync(files, { level: 6, mtime }));
  const counts: Record<string, number> = {
    profile: 1,
    ...Object.fromEntries(datasetNames.map((name) => [name, data[name].length])),
  };
  return { zip, sha256: createHash("sha256").update(zip).digest("hex"), counts };
}
