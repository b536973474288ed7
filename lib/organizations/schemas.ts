import { z } from "zod";
import { jurisdictions, locales } from "@/db/schema/organizations";
import { gdprChildAgeRule } from "@/lib/consent/legal-bases";

/** Public portal URLs are /p/<slug>: lower-case words joined by single hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.slugFormat" });

/** Every IANA zone this runtime knows (Asia/Shanghai, Europe/Berlin, …). */
export const timeZones: readonly string[] = Intl.supportedValuesOf("timeZone");

/** The zone the organisation's times are shown in. */
export const timeZoneSchema = z
  .string()
  .trim()
  .refine((zone) => timeZones.includes(zone), { error: "errors.timeZone" });

export const organizationSchema = z.object({
  nameZh: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120),
  slug: slugSchema,
  jurisdictions: z
    .array(z.enum(jurisdictions), { error: "errors.jurisdictionRequired" })
    .min(1, { error: "errors.jurisdictionRequired" }),
  locale: z.enum(locales),
  /** GDPR Art. 8(1): the member state's age, 13 to 16 (kept as it is when not sent). */
  gdprChildAge: z.coerce
    .number()
    .int()
    .min(gdprChildAgeRule.min)
    .max(gdprChildAgeRule.max)
    .optional(),
  timeZone: timeZoneSchema,
});

export type OrganizationInput = z.infer<typeof organizationSchema>;
