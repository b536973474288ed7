import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { FrequentActor } from "@/lib/core/audit/frequent-actors";
import { UNUSUAL_LOOKUPS } from "@/lib/customers/lookup-limits";

/**
 * Staff who looked up unusually many customers by phone, email or ID number: each name links to
 * their lookups in the audit log. The rule is stated under the list, so the flag can be judged.
 */
export async function UnusualLookupsCard({ people }: { people: FrequentActor[] }) {
  const t = await getTranslations("overview");
  const rule = { count: UNUSUAL_LOOKUPS.threshold, hours: UNUSUAL_LOOKUPS.windowHours };
  return (
    <Card title={t("lookupsTitle")}>
      {people.length > 0 ? (
        <ul
          role="alert"
          data-testid="unusual-lookups"
          className="divide-y divide-slate-100 text-sm"
        >
          {people.map((person) => (
            <li key={person.userId}>
              <Link
                href={`/audit?action=customer.looked_up&actor=${encodeURIComponent(person.userId)}`}
                className="flex items-center justify-between gap-3 rounded px-2 py-2 text-amber-800 hover:bg-amber-50"
              >
                <span className="font-medium">{person.name || t("lookupsUnknownPerson")}</span>
                <span className="tabular-nums">
                  {t("lookupsCount", { count: person.count, hours: rule.hours })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t("lookupsNone", rule)}</p>
      )}
      <p className="mt-3 text-xs text-slate-500">{t("lookupsRule", rule)}</p>
    </Card>
  );
}
