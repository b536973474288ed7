import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { localized } from "@/lib/core/i18n/localized-text";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { certificateOf } from "@/lib/training/queries";
import { verificationPath } from "@/lib/training/verification-link";

export async function generateMetadata() {
  return { title: (await getTranslations("training"))("certificate.title") };
}

/**
 * A completion certificate: its holder sees their own, records readers anyone's. The verification
 * code and the public page that checks it (which shows only the holder's initial).
 */
export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("training.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const certificate = await withTenant(
    actor.orgId,
    (tx) => certificateOf(tx, actor.orgId, id.data),
    actor.userId,
  );
  if (
    !certificate ||
    (certificate.userId !== actor.userId && !can(actor.role, "trainingRecords.read"))
  )
    notFound();
  const [t, locale, format] = await Promise.all([
    getTranslations("training"),
    getLocale(),
    getFormatter(),
  ]);
  const slug = actor.memberships.find((m) => m.orgId === actor.orgId)!.slug;
  const verify = verificationPath(slug, certificate.code);
  return (
    <>
      <PageHeader
        title={t("certificate.title")}
        actions={
          <Link
            href={`/training/courses/${certificate.courseId}`}
            className={buttonClass("secondary")}
          >
            {t("quiz.backToCourse")}
          </Link>
        }
      />
      <Card className="max-w-2xl">
        <dl className="space-y-3 text-sm" data-testid="certificate">
          <Row label={t("certificate.course")}>{localized(certificate.title, locale)}</Row>
          <Row label={t("certificate.holder")}>{certificate.holderName}</Row>
          <Row label={t("certificate.issued")}>
            {format.dateTime(certificate.issuedAt, { dateStyle: "long" })}
          </Row>
          <Row label={t("certificate.score")}>{certificate.score}%</Row>
          <Row label={t("certificate.code")}>
            <span className="font-mono text-base tracking-wider" data-testid="certificate-code">
              {certificate.code}
            </span>
          </Row>
        </dl>
        <p className="mt-4 text-sm text-slate-600">{t("certificate.verifyHint")}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          <a
            href={`/training/certificates/${certificate.id}/pdf`}
            className={buttonClass()}
            download
          >
            {t("certificate.download")}
          </a>
          <Link href={verify} className={buttonClass("secondary")}>
            {t("certificate.verifyLink")}
          </Link>
        </div>
      </Card>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}
