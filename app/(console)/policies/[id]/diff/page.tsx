import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { policyLocales, type PolicyLocale } from "@/db/schema/policies";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { cn } from "@/components/ui/cn";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { diffLines, type DiffRow } from "@/lib/policies/diff";
import { getDocument, listVersions } from "@/lib/policies/queries";
import { isPolicyId } from "@/lib/policies/schemas";
import { localized } from "@/lib/core/i18n/localized-text";

const sideClass: Record<DiffRow["kind"], [string, string]> = {
  same: ["", ""],
  removed: ["bg-red-50", "bg-slate-50"],
  added: ["bg-slate-50", "bg-emerald-50"],
  changed: ["bg-red-50", "bg-emerald-50"],
};

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("document.compare") };
}

export default async function PolicyDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string; lang?: string }>;
}) {
  const actor = await requirePage("policies.read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isPolicyId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const doc = await getDocument(tx, actor.orgId, id);
      return doc && { doc, versions: await listVersions(tx, actor.orgId, id) };
    },
    actor.userId,
  );
  const from = data?.versions.find((v) => String(v.version) === query.from);
  const to = data?.versions.find((v) => String(v.version) === query.to);
  if (!data || !from || !to) notFound();
  const [t, locale] = await Promise.all([getTranslations("policies"), getLocale()]);
  const lang: PolicyLocale = policyLocales.find((l) => l === query.lang) ?? asAppLocale(locale);
  const rows = diffLines(from.content[lang], to.content[lang]);
  const count = (kind: DiffRow["kind"]) => rows.filter((r) => r.kind === kind).length;

  return (
    <>
      <Link
        href={`/policies/${id}`}
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToDocument")}
      </Link>
      <PageHeader
        title={t("diff.title", { from: from.version, to: to.version })}
        description={localized(data.doc.title, locale)}
      />
      <nav aria-label={t("diff.language")} className="mb-4 flex gap-2 text-sm">
        {policyLocales.map((l) => (
          <Link
            key={l}
            href={`/policies/${id}/diff?from=${from.version}&to=${to.version}&lang=${l}`}
            aria-current={l === lang ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1 ring-1 ring-slate-300",
              l === lang ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700",
            )}
          >
            {t(`locales.${l}`)}
          </Link>
        ))}
      </nav>
      {rows.every((r) => r.kind === "same") ? (
        <Notice>{t("diff.unchanged")}</Notice>
      ) : (
        <Card
          title={t("diff.stats", {
            added: count("added"),
            removed: count("removed"),
            changed: count("changed"),
          })}
        >
          <div className="overflow-x-auto">
            <table className="w-full table-fixed border-collapse font-mono text-xs">
              <caption className="sr-only">
                {t("diff.caption", { from: from.version, to: to.version })}
              </caption>
              <colgroup>
                <col className="w-10" />
                <col />
                <col className="w-10" />
                <col />
              </colgroup>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i} data-kind={row.kind} className="align-top">
                    <td className="select-none px-1 text-right text-slate-400">{row.left?.line}</td>
                    <td
                      className={cn(
                        "whitespace-pre-wrap break-words px-2 py-0.5",
                        sideClass[row.kind][0],
                      )}
                    >
                      {row.left && row.kind !== "same" && (
                        <span className="sr-only">{t("diff.removed")}: </span>
                      )}
                      {row.left?.text}
                    </td>
                    <td className="select-none border-l border-slate-200 px-1 text-right text-slate-400">
                      {row.right?.line}
                    </td>
                    <td
                      className={cn(
                        "whitespace-pre-wrap break-words px-2 py-0.5",
                        sideClass[row.kind][1],
                      )}
                    >
                      {row.right && row.kind !== "same" && (
                        <span className="sr-only">{t("diff.added")}: </span>
                      )}
                      {row.right?.text}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
