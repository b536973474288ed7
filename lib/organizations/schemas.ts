import { z } from "zod";
import { jurisdictions, locales } from "@/db/schema/organizations";

/** Public portal URLs are /p/<slug>: lower-case words joined by single hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "errors.slugFormat" });

export const organizationSchema = z.object({
  nameZh: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120),
  slug: slugSchema,
  jurisdictions: z
    .array(z.enum(jurisdictions), { error: "errors.jurisdictionRequired" })
    .min(1, { error: "errors.jurisdictionRequired" }),
  locale: z.enum(locales),
});

export type OrganizationInput = z.infer<typeof organizationSchema>;
