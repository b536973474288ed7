import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RefreshEvery } from "@/components/ui/refresh-every";
import type { Tx } from "@/db/client";
import {
  affectedSetsOf,
  merchantOptions,
  type AffectedSet,
} from "@/lib/incidents/affected/queries";
import { vaultCategoryKeys } from "@/lib/incidents/affected/vault-categories";
import { AffectedCommitForm } from "./affected-commit-form";
import { AffectedCounts } from "./affected-counts";
import { AffectedForm } from "./affected-form";

/**
 * Who is affected, from the vault: the committed selection (stored with the incident), a
 * selection running (its progress) or waiting to be committed (its counts first), and the form.
 */
export async function AffectedCard({
  incidentId,
  dataCategories,
  sets,
  merchants,
  canManage,
}: {
  incidentId: string;
  dataCategories: string[];
  sets: { draft: AffectedSet | undefined; committed: AffectedSet | undefined };
  merchants: Array<{ id: string; name: string; city: string | null }>;
  canManage: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("incidentAffected"), getFormatter()]);
  const { draft, committed } = sets;
  return (
    <Card title={t("title")}>
      <div className="space-y-5" data-testid="affected-card">
        {committed ? (
          <section className="space-y-2" data-testid="affected-committed">
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {t("committed")}
            </h3>
            <AffectedCounts counts={committed.counts} total={committed.matched} />
          </section>
        ) : (
          <p className="text-sm text-slate-600" data-testid="affected-none">
            {t("noneCommitted")}
          </p>
        )}
        {draft?.status === "selecting" && (
          <section className="space-y-2">
            <h3 className="text-sm font-medium text-slate-800">{t("selecting")}</h3>
            <ProgressBar
              label={t("selecting")}
              testId="affected-progress"
              value={draft.scanned}
              max={draft.toScan}
              text={t("progress", {
                scanned: format.number(draft.scanned),
                total: format.number(draft.toScan),
                matched: format.number(draft.matched),
              })}
            />
            <RefreshEvery ms={1500} />
          </section>
        )}
        {draft?.status === "selected" && (
          <section
            className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3"
            data-testid="affected-preview"
          >
            <h3 className="text-sm font-medium text-slate-800">{t("preview")}</h3>
            <AffectedCounts counts={draft.counts} total={draft.matched} />
            {canManage && <AffectedCommitForm incidentId={incidentId} setId={draft.id} />}
          </section>
        )}
        {draft?.status === "failed" && <Notice tone="warning">{t("failed")}</Notice>}
        <Link
          href={`/incidents/${incidentId}/notice`}
          className="inline-block text-sm font-medium text-brand-700 hover:text-brand-900"
        >
          {t("notice.open")} →
        </Link>
        {canManage && draft?.status !== "selecting" && (
          <AffectedForm
            incidentId={incidentId}
            merchants={merchants}
            defaultCategories={dataCategories.filter((c) =>
              (vaultCategoryKeys as string[]).includes(c),
            )}
          />
        )}
      </div>
    </Card>
  );
}

/** What the card needs, read in the page's transaction (the merchants only for those who select). */
export async function affectedOf(tx: Tx, orgId: string, incidentId: string, manages: boolean) {
  return {
    sets: await affectedSetsOf(tx, orgId, incidentId),
    merchants: manages ? await merchantOptions(tx, orgId) : [],
  };
}
