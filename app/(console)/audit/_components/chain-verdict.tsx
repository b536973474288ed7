import { getTranslations } from "next-intl/server";
import { withTenant } from "@/db/tenant";
import type { ChainFailure } from "@/lib/core/audit/verify-chain";
import { verifyOrganizationChain } from "@/lib/core/audit/verify-organization";

type Translate = Awaited<ReturnType<typeof getTranslations<"audit">>>;

/** What went wrong, in words: the broken event, or the signed checkpoint the log disagrees with. */
function failureText(verdict: ChainFailure, t: Translate): { title: string; body: string } {
  switch (verdict.reason) {
    case "broken":
      return {
        title: t("chain.broken", { seq: verdict.brokenAt }),
        body: t("chain.brokenBody", { seq: verdict.brokenAt }),
      };
    case "checkpointMismatch":
      return {
        title: t("chain.mismatch", { seq: verdict.checkpoint }),
        body: t("chain.mismatchBody", { seq: verdict.checkpoint, since: verdict.lastMatching }),
      };
    case "checkpointNotGenuine":
      return {
        title: t("chain.notGenuine", { seq: verdict.checkpoint }),
        body: t("chain.notGenuineBody", { seq: verdict.checkpoint }),
      };
  }
}

/** Recomputes the whole chain while the rest of the page is already on screen (under Suspense). */
export async function ChainVerdict({ orgId, userId }: { orgId: string; userId: string }) {
  const [verdict, t] = await Promise.all([
    withTenant(orgId, (tx) => verifyOrganizationChain(tx, orgId), userId),
    getTranslations("audit"),
  ]);
  if (!verdict.intact) {
    const { title, body } = failureText(verdict, t);
    return (
      <div
        role="alert"
        data-testid="chain-verdict"
        data-intact="false"
        className="rounded-md bg-red-50 p-3 ring-1 ring-red-200"
      >
        <p className="text-sm font-semibold text-red-800">{title}</p>
        <p className="mt-1 text-sm text-red-700">{body}</p>
      </div>
    );
  }
  return (
    <div
      role="status"
      data-testid="chain-verdict"
      data-intact="true"
      className="rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200"
    >
      <p className="text-sm font-semibold text-emerald-800">
        {t("chain.intact", { seq: verdict.lastSeq })}
      </p>
      <p className="mt-1 text-sm text-emerald-800">
        {t("chain.intactBody", { seq: verdict.lastSeq })}
      </p>
      <p className="mt-1 text-sm text-emerald-800">
        {verdict.checkpoints > 0
          ? t("chain.anchored", { count: verdict.checkpoints, seq: verdict.anchoredAt })
          : t("chain.unanchored")}
      </p>
      <p className="mt-2 text-xs text-emerald-900">
        {t("chain.headHash")}: <code className="break-all font-mono">{verdict.lastHash}</code>
      </p>
    </div>
  );
}

export async function ChainVerifying() {
  const t = await getTranslations("audit");
  return (
    <div
      role="status"
      className="flex items-center gap-2 rounded-md bg-slate-50 p-3 text-sm text-slate-600 ring-1 ring-slate-200"
    >
      <span
        className="size-3 animate-spin rounded-full border-2 border-slate-300 border-t-brand-600"
        aria-hidden
      />
      {t("chain.verifying")}
    </div>
  );
}
