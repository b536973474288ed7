import { z } from "zod";
import { passwordSchema } from "@/lib/core/auth/password";

/** A 6-digit authenticator code; spaces typed between the digits are ignored. */
const totpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "errors.codeFormat" }));

export const confirmEnrolmentSchema = z.object({
  token: z.string().min(1).max(512),
  code: totpCode,
});

/** Regenerating recovery codes or turning 2FA off proves possession with a current code. */
export const regenerateSchema = z.object({ code: totpCode });
// Its own field name: both forms can be on one page, and a field's name is its element id.
export const turnOffSchema = z.object({ turnOffCode: totpCode });

// Compared as the password module compares them: the same password typed differently is the same.
const same = (a: string, b: string) => a.normalize("NFKC") === b.normalize("NFKC");

export const changePasswordSchema = z
  .object({
    // Not the new-password rule: whatever the current password is, it only has to match.
    currentPassword: z.string().min(1).max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.passwordMismatch",
  })
  .refine((v) => !same(v.newPassword, v.currentPassword), {
    path: ["newPassword"],
    error: "errors.passwordUnchanged",
  });

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
