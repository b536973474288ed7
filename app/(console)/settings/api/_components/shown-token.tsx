"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";

export interface CreatedKey {
  name: string;
  token: string;
}

/**
 * The one time the token is visible: it lives only in this component's state and is gone when
 * the person leaves the page or presses done.
 */
export function ShownToken({
  created,
  message,
  onDone,
}: {
  created: CreatedKey;
  message?: string;
  onDone: () => void;
}) {
  const t = useTranslations("api.token");
  return (
    <div className="space-y-4">
      <Notice tone="success">{message}</Notice>
      <section
        aria-labelledby="api-token-title"
        className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
      >
        <h3 id="api-token-title" className="text-sm font-semibold text-slate-900">
          {t("title", { name: created.name })}
        </h3>
        <div className="flex flex-wrap items-center gap-3">
          <code
            data-testid="api-token"
            className="break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-slate-300 select-all"
          >
            {created.token}
          </code>
          <CopyButton text={created.token} label={t("copy")} copiedLabel={t("copied")} />
        </div>
        <p className="text-sm text-amber-800">{t("once")}</p>
      </section>
      <Button variant="secondary" onClick={onDone}>
        {t("done")}
      </Button>
    </div>
  );
}
