import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { actionLabel } from "@/lib/core/audit/action-label";
import { auditActions } from "@/lib/core/audit/actions";
import type { AuditSearchParams } from "../search-params";

const knownTargetTypes = [
  "user",
  "organization",
  "department",
  "vendor",
  "customer",
  "customer_import",
  "vault",
  "org_key",
  "api_key",
  "policy",
  "purpose",
  "consent_batch",
  "message",
  "portal_challenge",
  "request",
  "working_calendar",
  "audit_checkpoint",
  "audit_log",
];

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared. */
export async function FiltersForm({
  params,
  members,
}: {
  params: AuditSearchParams;
  members: Array<{ id: string; name: string }>;
}) {
  const t = await getTranslations("audit");
  const actions = auditActions
    .map((a) => ({ value: a, label: actionLabel(t, a) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <form
      method="get"
      action="/audit"
      aria-label={t("filters.heading")}
      className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <SelectField
          name="actor"
          label={t("filters.actor")}
          defaultValue={params.actor ?? ""}
          options={[
            { value: "", label: t("filters.anyActor") },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <SelectField
          name="action"
          label={t("filters.action")}
          defaultValue={params.action ?? ""}
          options={[{ value: "", label: t("filters.anyAction") }, ...actions]}
        />
        <TextField
          name="targetType"
          label={t("filters.targetType")}
          defaultValue={params.targetType ?? ""}
          list="audit-target-types"
          autoComplete="off"
        />
        <TextField
          name="targetId"
          label={t("filters.targetId")}
          defaultValue={params.targetId ?? ""}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="from"
          type="date"
          label={t("filters.from")}
          defaultValue={params.from ?? ""}
        />
        <TextField name="to" type="date" label={t("filters.to")} defaultValue={params.to ?? ""} />
      </div>
      <datalist id="audit-target-types">
        {knownTargetTypes.map((type) => (
          <option key={type} value={type}>
            {t(`targets.${type}`)}
          </option>
        ))}
      </datalist>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
        <Link href="/audit" className={buttonClass("ghost")}>
          {t("filters.clear")}
        </Link>
        <p className="text-xs text-slate-500">{t("filters.timeZoneNote")}</p>
      </div>
    </form>
  );
}
