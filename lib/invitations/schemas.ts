import { z } from "zod";
import { roles } from "@/db/schema/users";
import { passwordSchema } from "@/lib/core/auth/password";
import { CAPABILITY_TOKEN_PATTERN } from "@/lib/core/crypto/capability-token";
import { optionalId } from "@/lib/users/schemas";

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(100),
  role: z.enum(roles),
  departmentId: optionalId,
});

/** Resend and revoke name only the invitation. */
export const invitationSchema = z.object({ invitationId: z.uuid() });

const token = z.string().regex(CAPABILITY_TOKEN_PATTERN);

/** An existing account, signed in, accepts. */
export const acceptSchema = z.object({ token });

/** A new address sets up its account: the name it goes by and its own password. */
export const acceptNewAccountSchema = z
  .object({
    token,
    name: z.string().trim().min(1).max(100),
    password: passwordSchema,
    confirmPassword: z.string().min(1),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.passwordMismatch",
  });

export type InviteInput = z.infer<typeof inviteSchema>;
export type AcceptNewAccountInput = z.infer<typeof acceptNewAccountSchema>;
