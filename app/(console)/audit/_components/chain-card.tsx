import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ChainStatus } from "@/lib/core/audit/verify-organization";
import { ChainVerdict, ChainVerifying } from "./chain-verdict";
import { EventTime } from "@/components/ui/event-time";

/**
 * Head and last checkpoint at a glance; "Verify chain" is a plain GET (?verify=1) because
 * verifying reads and changes nothing.
 */
export async function ChainCard({
  status,
  verify,
  verifyHref,
  orgId,
  userId,
}: {
  status: ChainStatus;
  verify: boolean;
  verifyHref: string;
  orgId: string;
  userId: string;
}) {
  const t = await getTranslations("audit");
  return (
    <Card
      title={t("chain.title")}
      action={
        <Link href={verifyHref} className={buttonClass("secondary", "sm")}>
          {verify ? t("chain.verifyAgain") : t("chain.verify")}
        </Link>
      }
    >
      <dl className="grid grid-cols-2 gap-4 text-sm">
        <div>
          <dt className="text-slate-500">{t("chain.head")}</dt>
          <dd className="mt-0.5 font-mono text-lg font-semibold text-slate-900">
            {status.headSeq ? `#${status.headSeq}` : t("chain.empty")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("chain.lastCheckpoint")}</dt>
          <dd className="mt-0.5 text-slate-900">
            {status.lastCheckpoint ? (
              <>
                <span className="font-mono text-lg font-semibold">
                  #{status.lastCheckpoint.seq}
                </span>{" "}
                <span className="text-xs text-slate-500">
                  <EventTime iso={status.lastCheckpoint.signedAt} />
                </span>
              </>
            ) : (
              <span className="text-slate-500">{t("chain.noCheckpoint")}</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="mt-4" aria-live="polite">
        {verify ? (
          <Suspense fallback={<ChainVerifying />}>
            <ChainVerdict orgId={orgId} userId={userId} />
          </Suspense>
        ) : (
          <p className="text-xs text-slate-500">{t("chain.verifyHint")}</p>
        )}
      </div>
    </Card>
  );
}
