"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "privacy-desk-recovery-codes.txt";
  link.click();
  URL.revokeObjectURL(url);
}

/** Freshly generated recovery codes: shown once, to copy or download, then dismissed. */
export function RecoveryCodesPanel({
  codes,
  account,
  lead,
  doneLabel,
  onDone,
}: {
  codes: string[];
  account: string;
  lead: string;
  doneLabel: string;
  onDone: () => void;
}) {
  const t = useTranslations("account.recoveryCodes");
  const asText = `${t("fileHeader", { account })}\n\n${codes.join("\n")}\n`;
  return (
    <section aria-labelledby="recovery-codes-title" className="space-y-4">
      <p role="status" className="text-sm font-medium text-emerald-700">
        {lead}
      </p>
      <div>
        <h2 id="recovery-codes-title" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("body")}</p>
      </div>
      <ol
        aria-label={t("listLabel")}
        data-testid="recovery-codes"
        className="grid w-fit grid-cols-2 gap-x-12 gap-y-1.5 rounded-md bg-slate-50 px-6 py-4 font-mono text-sm text-slate-900 ring-1 ring-slate-200"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={codes.join("\n")} label={t("copy")} copiedLabel={t("copied")} />
        <Button variant="secondary" size="sm" onClick={() => download(asText)}>
          {t("download")}
        </Button>
        <Button className="ml-auto" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </section>
  );
}
