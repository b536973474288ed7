import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/core/env";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one email; throws on failure. Tests pass their own. */
export type Mailer = (email: OutgoingEmail) => Promise<void>;

let cached: Mailer | null | undefined;

/** The SMTP mailer when SMTP_URL is set, else null (emails are held in the outbox). */
export function smtpMailer(): Mailer | null {
  if (cached !== undefined) return cached;
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return (cached = null);
  const transport = nodemailer.createTransport(SMTP_URL);
  const from = SMTP_FROM ?? `Privacy Desk <no-reply@${new URL(SMTP_URL).hostname}>`;
  cached = async ({ to, subject, text }) => {
    await transport.sendMail({ from, to, subject, text });
  };
  return cached;
}
