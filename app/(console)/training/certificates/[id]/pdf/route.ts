import { getLocale } from "next-intl/server";
import { z } from "zod";
import { defineRoute } from "@/lib/core/actions/define-route";
import { can } from "@/lib/core/authz/permissions";
import { AppError } from "@/lib/core/errors";
import { asAppLocale } from "@/lib/core/i18n/locale";
import { translator } from "@/lib/core/i18n/translator";
import { certificatePdf } from "@/lib/training/certificate-pdf";
import { certificateOf } from "@/lib/training/queries";
import { verificationUrl } from "@/lib/training/verification-link";

/**
 * A certificate as a PDF in the reader's language: its holder downloads their own, records
 * readers anyone's. Audited as a download (the holder's name is in it).
 */
export const GET = defineRoute("training.read", async (ctx, _request, context) => {
  const { id } = await context.params;
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError("notFound");
  const certificate = await certificateOf(ctx.tx, ctx.orgId, parsed.data);
  if (
    !certificate ||
    (certificate.userId !== ctx.user.userId && !can(ctx.user.role, "trainingRecords.read"))
  )
    throw new AppError("notFound");
  const membership = ctx.user.memberships.find((m) => m.orgId === ctx.orgId)!;
  const locale = asAppLocale(await getLocale());
  const pdf = await certificatePdf(
    {
      holderName: certificate.holderName,
      courseTitle: certificate.title,
      organisation: { "zh-CN": membership.nameZh, en: membership.nameEn },
      issuedAt: certificate.issuedAt,
      score: certificate.score,
      code: certificate.code,
      verifyUrl: verificationUrl(membership.slug, certificate.code),
    },
    locale,
    await translator("training"),
  );
  await ctx.audit({
    action: "training.certificate_downloaded",
    targetType: "training_certificate",
    targetId: certificate.id,
    details: { courseId: certificate.courseId, own: certificate.userId === ctx.user.userId },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
});
