import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { listCheckpoints } from "@/lib/core/audit/checkpoint";
import { auditSigningKey } from "@/lib/core/audit/signing-key";
import { requirePage } from "@/lib/core/auth/guard";
import { CheckpointList } from "../_components/checkpoint-list";
import { KeyFingerprint } from "../_components/key-fingerprint";
import { Pager } from "../_components/pager";
import { VerifyCheckpointForm } from "../_components/verify-checkpoint-form";
import { parseAuditSearchParams } from "../search-params";

const PAGE_SIZE = 20;

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("checkpoints.pageTitle") };
}

/** Every signed checkpoint, the public key to check them with, and a verifier for pasted ones. */
export default async function CheckpointsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("audit.read");
  const { cursor } = parseAuditSearchParams(await searchParams);
  const [t, common] = await Promise.all([getTranslations("audit"), getTranslations("common")]);
  const page = await withTenant(
    actor.orgId,
    (tx) => listCheckpoints(tx, { cursor, limit: PAGE_SIZE }),
    actor.userId,
  );
  const key = auditSigningKey();

  return (
    <>
      <Link href="/audit" className="text-sm text-brand-700 underline-offset-2 hover:underline">
        ← {t("title")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={t("checkpoints.pageTitle")}
          description={t("checkpoints.pageDescription")}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          <Card title={t("checkpoints.title")}>
            {page.rows.length > 0 ? (
              <>
                <CheckpointList rows={page.rows} showHash />
                <Pager
                  label={t("checkpoints.pagination")}
                  summary={common("showing", { count: page.rows.length })}
                  newestHref={cursor ? "/audit/checkpoints" : undefined}
                  olderHref={
                    page.nextCursor ? `/audit/checkpoints?cursor=${page.nextCursor}` : undefined
                  }
                  labels={{ newest: t("events.newest"), older: t("checkpoints.older") }}
                />
              </>
            ) : (
              <EmptyState title={t("checkpoints.none")} body={t("checkpoints.noneBody")} />
            )}
          </Card>
        </div>
        <div className="space-y-4 lg:col-span-2">
          <Card title={t("verifyCheckpoint.title")}>
            <p className="mb-3 text-sm text-slate-600">{t("verifyCheckpoint.description")}</p>
            <VerifyCheckpointForm />
          </Card>
          <Card title={t("checkpoints.publicKey")}>
            <KeyFingerprint
              fingerprint={key.fingerprint}
              label={t("checkpoints.fingerprint")}
              hint={t("checkpoints.fingerprintHint")}
            />
            <p className="mt-3 text-xs text-slate-500">
              {t("checkpoints.keyId")} <code className="font-mono text-slate-800">{key.keyId}</code>
            </p>
            <pre className="mt-3 rounded-md bg-slate-900 p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-100">
              {key.publicKeyPem}
            </pre>
            <p className="mt-3 text-xs text-slate-500">{t("checkpoints.cliHint")}</p>
            <code className="mt-1 block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs whitespace-pre text-slate-800">
              npm run audit:verify-checkpoint -- checkpoint.json --public-key key.pem
            </code>
          </Card>
        </div>
      </div>
    </>
  );
}
