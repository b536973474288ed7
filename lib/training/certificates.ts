import "server-only";
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, trainingCertificates, trainingCourses, users } from "@/db/schema";
import type { LocalizedText } from "@/db/schema/policies";
import type { TenantContext } from "@/lib/core/tenancy/context";

/** Crockford's base32 without I, L, O and U: nothing to misread when typed from paper. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 12 random symbols (60 bits) as XXXX-XXXX-XXXX: unguessable, short enough to type. */
export function newVerificationCode(random: (max: number) => number = randomInt): string {
  const symbols = Array.from({ length: 12 }, () => ALPHABET[random(ALPHABET.length)]);
  return [0, 4, 8].map((i) => symbols.slice(i, i + 4).join("")).join("-");
}

/** A typed code as stored: upper case, O→0, I/L→1, separators normalised. Null if malformed. */
export function normaliseCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/** The first letter of a name, all the public page shows of the holder (王小明 → 王, Li Wei → L). */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0] ?? "?";
  return first.toLocaleUpperCase();
}

/** Issues the certificate of a passed attempt, audited; the code is retried on the rare clash. */
export async function issueCertificate(
  ctx: TenantContext,
  attempt: { id: string; courseId: string; userId: string; score: number },
): Promise<{ id: string; code: string }> {
  const [holder] = await ctx.tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, attempt.userId));
  for (;;) {
    const code = newVerificationCode();
    const [row] = await ctx.tx
      .insert(trainingCertificates)
      .values({
        orgId: ctx.orgId,
        courseId: attempt.courseId,
        userId: attempt.userId,
        attemptId: attempt.id,
        code,
        holderInitial: initialOf(holder?.name ?? ""),
        score: attempt.score,
      })
      .onConflictDoNothing({ target: [trainingCertificates.orgId, trainingCertificates.code] })
      .returning({ id: trainingCertificates.id });
    if (!row) continue;
    await ctx.audit({
      action: "training.certificate_issued",
      targetType: "training_certificate",
      targetId: row.id,
      details: { courseId: attempt.courseId, attemptId: attempt.id },
    });
    return { id: row.id, code };
  }
}

export interface VerifiedCertificate {
  code: string;
  holderInitial: string;
  courseTitle: LocalizedText;
  organisation: LocalizedText;
  issuedAt: Date;
}

/** What the public verification page shows for a code: no name, no score, no person's id. */
export async function verifyCertificate(
  tx: Tx,
  orgId: string,
  code: string,
): Promise<VerifiedCertificate | undefined> {
  const [row] = await tx
    .select({
      code: trainingCertificates.code,
      holderInitial: trainingCertificates.holderInitial,
      courseTitle: trainingCourses.title,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      issuedAt: trainingCertificates.issuedAt,
    })
    .from(trainingCertificates)
    .innerJoin(
      trainingCourses,
      and(
        eq(trainingCourses.orgId, trainingCertificates.orgId),
        eq(trainingCourses.id, trainingCertificates.courseId),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, trainingCertificates.orgId))
    .where(and(eq(trainingCertificates.orgId, orgId), eq(trainingCertificates.code, code)));
  if (!row) return undefined;
  const { nameZh, nameEn, ...rest } = row;
  return { ...rest, organisation: { "zh-CN": nameZh, en: nameEn } };
}
