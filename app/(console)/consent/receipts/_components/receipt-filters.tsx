import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { consentActions, consentChannels, consentSources } from "@/db/schema/consent";
import type { ReceiptSearchParams } from "../search-params";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export async function ReceiptFiltersForm({
  params,
  purposes,
}: {
  params: ReceiptSearchParams;
  purposes: Array<{ value: string; label: string }>;
}) {
  const t = await getTranslations("consent");
  const any = (label: string) => ({ value: "", label });
  return (
    <form
      method="get"
      action="/consent/receipts"
      aria-label={t("explorer.filters")}
      className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <SelectField
          name="purpose"
          label={t("fields.purpose")}
          defaultValue={params.purpose ?? ""}
          options={[any(t("explorer.anyPurpose")), ...purposes]}
        />
        <SelectField
          name="action"
          label={t("fields.action")}
          defaultValue={params.action ?? ""}
          options={[
            any(t("explorer.anyAction")),
            ...consentActions.map((a) => ({ value: a, label: t(`actions.${a}`) })),
          ]}
        />
        <SelectField
          name="channel"
          label={t("fields.channel")}
          defaultValue={params.channel ?? ""}
          options={[
            any(t("explorer.anyChannel")),
            ...consentChannels.map((c) => ({ value: c, label: t(`channels.${c}`) })),
          ]}
        />
        <SelectField
          name="source"
          label={t("fields.source")}
          defaultValue={params.source ?? ""}
          options={[
            any(t("explorer.anySource")),
            ...consentSources.map((s) => ({ value: s, label: t(`sources.${s}`) })),
          ]}
        />
        <TextField
          name="from"
          type="date"
          label={t("explorer.from")}
          defaultValue={params.from ?? ""}
        />
        <TextField name="to" type="date" label={t("explorer.to")} defaultValue={params.to ?? ""} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="gpc"
            value="1"
            defaultChecked={params.gpc === "1"}
            className="size-4 rounded border-slate-300 text-brand-600"
          />
          {t("explorer.gpcOnly")}
        </label>
        <button type="submit" className={buttonClass("primary")}>
          {t("explorer.apply")}
        </button>
        <Link href="/consent/receipts" className={buttonClass("ghost")}>
          {t("explorer.clear")}
        </Link>
        <p className="text-xs text-slate-500">{t("explorer.dateNote")}</p>
      </div>
    </form>
  );
}
