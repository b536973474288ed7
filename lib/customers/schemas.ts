import { z } from "zod";
import { customerLaws } from "@/db/schema/customers";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";
import { isValidResidentId } from "@/lib/customers/national-id";
import { blank, optional, text } from "@/lib/core/validation/form-fields";

/** Stored in canonical form (E.164), so a reveal shows one spelling whatever was pushed. */
const phone = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const normalised = normalisePhone(value);
    if (!normalised) ctx.addIssue({ code: "custom", message: "errors.phoneFormat" });
    return normalised ?? z.NEVER;
  });

const email = z
  .string()
  .max(254)
  .transform((value, ctx) => {
    const normalised = normaliseEmail(value);
    if (!normalised || !z.email().safeParse(normalised).success)
      ctx.addIssue({ code: "custom", message: "errors.email" });
    return normalised ?? z.NEVER;
  });

const nationalId = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const normalised = normaliseNationalId(value);
    if (!normalised || !isValidResidentId(normalised))
      ctx.addIssue({ code: "custom", message: "errors.nationalIdFormat" });
    return normalised ?? z.NEVER;
  });

/** A checkbox ("true" when ticked) or a JSON boolean; absent stays undefined (keep on update). */
const flag = z.preprocess(
  (value) => (value === "true" ? true : value === "false" ? false : blank(value)),
  z.boolean().optional(),
);

/** One customer pushed by the platform (API) or entered in the console. */
export const customerInput = z.object({
  externalRef: text(200),
  displayName: optional(text(100)),
  phone: optional(phone),
  email: optional(email),
  nationalId: optional(nationalId),
  address: optional(text(300)),
  birthDate: optional(
    z.iso
      .date()
      .refine(
        (d) => d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10),
        "errors.birthDateRange",
      ),
  ),
  realNameVerified: flag,
  region: optional(text(64)),
  laws: optional(z.array(z.enum(customerLaws))),
  status: optional(z.enum(["active", "closed"])),
  lastActiveAt: optional(z.coerce.date()),
});

export type CustomerInput = z.infer<typeof customerInput>;
