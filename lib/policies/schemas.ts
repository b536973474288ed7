import { z } from "zod";
import { policyKinds, policyLocales } from "@/db/schema/policies";
import { publishTimings } from "./publish-timing";

const checkbox = z.preprocess((value) => value === "true" || value === "on", z.boolean());
const id = z.uuid();
const longText = (max: number) => z.string().max(max).default("");

export const policyDocumentSchema = z.object({
  kind: z.enum(policyKinds),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "errors.slugFormat")
    .min(3)
    .max(60),
  titleZh: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
});
export type PolicyDocumentInput = z.infer<typeof policyDocumentSchema>;

export const documentIdSchema = z.object({ documentId: id });
export const versionIdSchema = z.object({ id });

/** The editor's fields. Content may be empty in one language while drafting; submitting checks the authoritative one. */
export const versionFieldsSchema = z.object({
  id,
  contentZh: longText(200_000),
  contentEn: longText(200_000),
  summaryZh: longText(4_000),
  summaryEn: longText(4_000),
  changeSummary: longText(2_000),
  materialChange: checkbox,
  authoritativeLocale: z.enum(policyLocales),
  effectiveOn: z.iso.date(),
});
export type VersionFields = z.infer<typeof versionFieldsSchema>;

export const approveSchema = z.object({ id, publishOnEffective: checkbox });
/** Publishing: a version whose effective date is ahead also says when (lib/policies/commands.ts). */
export const publishSchema = z.object({ id, timing: z.enum(publishTimings).optional() });
export const rejectSchema = z.object({ id, note: z.string().trim().min(1).max(2_000) });

export const isPolicyId = (value: string) => id.safeParse(value).success;
