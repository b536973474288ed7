"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** The same answer for every address: the invitation is on its way, and the person decides. */
export function InviteSent({ message, onAgain }: { message?: string; onAgain: () => void }) {
  const t = useTranslations("users.invite");
  return (
    <div className="space-y-4">
      <Notice tone="success">{message}</Notice>
      <p className="text-sm text-slate-600">{t("sentNext")}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onAgain}>{t("again")}</Button>
        <Link href="/users" className={buttonClass("secondary")}>
          {t("toList")}
        </Link>
      </div>
    </div>
  );
}
