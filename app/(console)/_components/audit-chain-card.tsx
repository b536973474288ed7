import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import type { ChainHealth } from "@/lib/core/audit/chain-health";

/**
 * The audit chain at a glance: how long it is, when its head was last signed (a checkpoint is
 * only signed after the chain verifies), and the first signed checkpoint the stored log no longer
 * matches. Verifying the whole chain is a click away.
 */
export async function AuditChainCard({ status }: { status: ChainHealth }) {
  const t = await getTranslations("overview");
  const stale = status.checkpointOverdue;
  const problem = status.anchorProblem;
  return (
    <Card
      title={t("auditChain")}
      action={
        <Link href="/audit?verify=1" className={buttonClass("secondary", "sm")}>
          {t("auditVerify")}
        </Link>
      }
    >
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">{t("auditEvents")}</dt>
          <dd className="font-mono text-2xl font-semibold text-slate-900">{status.headSeq}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("auditLastCheckpoint")}</dt>
          <dd className={stale ? "text-amber-700" : "text-slate-900"}>
            {status.lastCheckpoint ? (
              <>
                <span className="font-mono font-semibold">#{status.lastCheckpoint.seq}</span> ·{" "}
                <EventTime iso={status.lastCheckpoint.signedAt} />
              </>
            ) : (
              t("auditNoCheckpoint")
            )}
          </dd>
        </div>
      </dl>
      {problem && (
        <p
          role="alert"
          data-testid="overview-chain-problem"
          className="mt-3 rounded-md bg-red-50 p-2 text-sm font-semibold text-red-800 ring-1 ring-red-200"
        >
          {problem.reason === "checkpointMismatch"
            ? t("auditMismatch", { seq: problem.checkpoint })
            : t("auditNotGenuine", { seq: problem.checkpoint })}
        </p>
      )}
      <p className="mt-3 text-xs text-slate-500">{stale ? t("auditStale") : t("auditSigned")}</p>
    </Card>
  );
}
