import { todayIso } from "@/lib/core/dates";
import { requirementLibrary, type Requirement } from "./library";
import type { LawId } from "./laws";

/** Each requirement in the version in force on `day` (later versions are not yet law). */
export function requirementsInForce(day = todayIso(), law?: LawId): Requirement[] {
  const current = new Map<string, Requirement>();
  for (const req of requirementLibrary) {
    if (req.inForce > day || (law && req.law !== law)) continue;
    const seen = current.get(req.key);
    if (!seen || seen.version < req.version) current.set(req.key, req);
  }
  return [...current.values()];
}

/** One requirement in one version, as an audit recorded it. */
export const requirementVersion = (key: string, version: number): Requirement | undefined =>
  requirementLibrary.find((r) => r.key === key && r.version === version);

/** Every version of one requirement, oldest first: its amendment history. */
export const versionsOf = (key: string): Requirement[] =>
  requirementLibrary.filter((r) => r.key === key).sort((a, b) => a.version - b.version);
