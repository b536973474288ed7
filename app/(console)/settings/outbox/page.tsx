import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { env } from "@/lib/core/env";
import { listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/outbox/queries";
import { OutboxTable } from "./_components/outbox-table";

export async function generateMetadata() {
  return { title: (await getTranslations("outbox"))("title") };
}

/**
 * The message outbox. Recipients are masked; the decrypted text (a developer reading a one-time
 * code) is shown only with OUTBOX_SHOW_BODIES, which production refuses (lib/core/env/schema.ts).
 */
export default async function MessagesPage() {
  const actor = await requirePage("outbox.read");
  const { OUTBOX_SHOW_BODIES, SMTP_URL } = env();
  const withBodies = OUTBOX_SHOW_BODIES === "true";
  const [t, rows] = await Promise.all([
    getTranslations("outbox"),
    withTenant(actor.orgId, (tx) => listOutbox(tx, actor.orgId, { withBodies }), actor.userId),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-3">
        <Notice tone="warning">
          {t("noSms")} {SMTP_URL ? t("smtpOn") : t("noSmtp")}
        </Notice>
        {withBodies && <Notice tone="warning">{t("bodiesShown")}</Notice>}
        {rows.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            <OutboxTable rows={rows} withBodies={withBodies} />
            {rows.length === OUTBOX_PAGE_SIZE && (
              <p className="text-xs text-slate-500">{t("limit", { count: OUTBOX_PAGE_SIZE })}</p>
            )}
          </>
        )}
      </div>
    </>
  );
}
