import { z } from "zod";
import { systemKinds } from "@/db/schema/systems";
import { dataCategories } from "@/lib/data-categories/options";
import { regions } from "@/lib/vendors/options";
import { securityMeasures } from "./options";
import { optional, text } from "@/lib/core/validation/form-fields";

/** A checkbox group: absent when nothing is ticked; one value arrives as a string. */
const listOf = <T extends z.ZodType>(item: T, min = 0) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).min(min, "errors.chooseAtLeastOne").max(100),
  );

const fields = z.object({
  name: text(120),
  kind: z.enum(systemKinds),
  description: optional(text(2000)),
  ownerDepartmentId: optional(z.uuid()),
  hostingLocation: text(200),
  country: z.enum(regions),
  vendorId: optional(z.uuid()),
  dataCategories: listOf(z.enum(dataCategories), 1),
  purposeIds: listOf(z.uuid()),
  securityMeasures: listOf(z.enum(securityMeasures)),
});

export const systemCreateSchema = fields;
export const systemUpdateSchema = fields.extend({ id: z.uuid(), version: z.string().min(1) });
export const systemIdSchema = z.object({ id: z.uuid() });

export type SystemInput = z.infer<typeof systemCreateSchema>;
export type SystemUpdateInput = z.infer<typeof systemUpdateSchema>;

/** A route segment that cannot be a system id is a 404, not a database error. */
export const isSystemId = (id: string) => z.uuid().safeParse(id).success;

/** The data map's filters, from the page's search params: unknown values are ignored. */
export const dataMapFilterSchema = z.object({
  category: z.enum(dataCategories).optional().catch(undefined),
  purpose: z.uuid().optional().catch(undefined),
});
export type DataMapFilter = z.infer<typeof dataMapFilterSchema>;
