"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";

export interface Invited { userId: string; email: string; temporaryPassword: string | null }

/**
 * The one time the temporary password is visible: it lives only in this component's state and is
 * gone when the admin leaves or invites the next person.
 */
export function TemporaryPassword({ invited, message, onAgain }: { invited: Invited; message?: string; onAgain: () => void }) {
  const t = useTranslations("users.invite");
  return (
    <div className="space-y-4">
      <Notice tone="success">{message}</Notice>
      {invited.temporaryPassword && (
        <section aria-labelledby="temporary-password-title" className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
          <h2 id="temporary-password-title" className="text-sm font-semibold text-slate-900">{t("passwordTitle")}</h2>
          <p className="text-sm text-slate-600">{t("passwordFor", { email: invited.email })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <code data-testid="temporary-password" className="rounded bg-white px-3 py-2 font-mono text-base tracking-wide text-slate-900 ring-1 ring-slate-300 select-all">
              {invited.temporaryPassword}
            </code>
            <CopyButton text={invited.temporaryPassword} label={t("copy")} copiedLabel={t("copied")} />
          </div>
          <p className="text-sm text-amber-800">{t("passwordOnce")}</p>
        </section>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={onAgain}>{t("again")}</Button>
        <Link href={`/users/${invited.userId}`} className={buttonClass("secondary")}>{t("viewMember")}</Link>
      </div>
    </div>
  );
}
