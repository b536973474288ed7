"use client";

import { useTranslations } from "next-intl";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { Button } from "@/components/ui/button";
import { requestTypeOptions } from "@/lib/requests/options";
import { slaFilters, statusFilters, type RequestQueueQuery } from "@/lib/requests/queue-query";
import { compactSelectClass } from "@/components/ui/input-class";

interface Props {
  query: RequestQueueQuery;
  handlers: Array<{ userId: string; name: string }>;
  filtered: boolean;
}

/** The queue's filters: each change rewrites the URL and the server renders the first page again. */
export function QueueFilters({ query, handlers, filtered }: Props) {
  const t = useTranslations("requests");
  const common = useTranslations("common");
  const { setParams, pending } = useUrlParams();
  const select = (
    name: keyof RequestQueueQuery,
    label: string,
    options: Array<{ value: string; label: string }>,
    any = true,
  ) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        key={String(query[name] ?? "")}
        defaultValue={query[name] ?? ""}
        onChange={(e) => setParams({ [name]: e.target.value || undefined })}
        className={compactSelectClass}
      >
        {any && <option value="">{t("list.any")}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div
      role="search"
      aria-label={t("list.filtersLabel")}
      aria-busy={pending}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      {select(
        "type",
        t("fields.type"),
        requestTypeOptions.map((v) => ({ value: v, label: t(`type.${v}`) })),
      )}
      {select(
        "status",
        t("fields.status"),
        statusFilters.map((v) => ({
          value: v,
          label: v === "open" || v === "all" ? t(`list.${v}`) : t(`status.${v}`),
        })),
        false,
      )}
      {select(
        "sla",
        t("fields.sla"),
        slaFilters.map((v) => ({ value: v, label: t(`sla.state.${v}`) })),
      )}
      {select(
        "law",
        t("fields.law"),
        (["PIPL", "GDPR", "CCPA"] as const).map((v) => ({ value: v, label: v })),
      )}
      {select("assignee", t("fields.assignee"), [
        { value: "mine", label: t("list.mine") },
        { value: "unassigned", label: t("list.unassigned") },
        ...handlers.map((h) => ({ value: h.userId, label: h.name })),
      ])}
      {filtered && (
        <Button
          variant="ghost"
          onClick={() =>
            setParams({
              type: undefined,
              status: undefined,
              sla: undefined,
              law: undefined,
              assignee: undefined,
            })
          }
        >
          {common("clearFilters")}
        </Button>
      )}
    </div>
  );
}
