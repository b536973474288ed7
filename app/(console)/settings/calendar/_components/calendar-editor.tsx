"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ServerAction } from "@/lib/core/actions/define-action";
import { idle } from "@/lib/core/actions/state";
import { compactInputClass } from "@/components/ui/input-class";

interface Holiday {
  name: string;
  from: string;
  to: string;
}
interface Props {
  action: ServerAction;
  year: number;
  initial: { holidays: Holiday[]; makeupWorkdays: string[]; source: string };
  adding?: boolean;
}

const control = `${compactInputClass} block w-full px-2`;

/**
 * Edits one year: holiday rows (name, first and last day off) and makeup workdays. The rows travel
 * as JSON; the server checks every rule again and points its errors at the row and column.
 */
export function CalendarEditor({ action, year, initial, adding }: Props) {
  const t = useTranslations("requests");
  const [state, formAction] = useActionState(action, idle);
  const [holidays, setHolidays] = useState<Holiday[]>(initial.holidays);
  const [makeup, setMakeup] = useState<string[]>(initial.makeupWorkdays);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const setHoliday = (i: number, patch: Partial<Holiday>) =>
    setHolidays((rows) => rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  const input = (i: number, field: keyof Holiday, type: string) => {
    const error = errors[`holidays.${i}.${field}`];
    return (
      <td
        className={cn(
          "block py-1 align-top sm:table-cell sm:pr-2",
          field === "name" && "col-span-2 sm:min-w-40",
        )}
      >
        {/* On a phone the header row is hidden and each holiday is a small card: the cell names itself. */}
        <span aria-hidden className="mb-0.5 block text-xs text-slate-500 sm:hidden">
          {t(`calendar.${field}`)}
        </span>
        <input
          type={type}
          aria-label={`${t(`calendar.${field === "name" ? "name" : field}`)} ${i + 1}`}
          value={holidays[i][field]}
          min={type === "date" ? `${year}-01-01` : undefined}
          max={type === "date" ? `${year}-12-31` : undefined}
          onChange={(e) => setHoliday(i, { [field]: e.target.value })}
          aria-invalid={error ? true : undefined}
          className={control}
        />
        {error && <p className="mt-0.5 text-xs text-red-600">{error}</p>}
      </td>
    );
  };

  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="holidays" value={JSON.stringify(holidays)} />
      <input type="hidden" name="makeupWorkdays" value={JSON.stringify(makeup)} />
      <FormMessage state={state} />
      <Card title={adding ? t("calendar.addTitle", { year }) : t("calendar.yearTitle", { year })}>
        <p className="mb-3 text-xs text-slate-500">{t("calendar.rules")}</p>
        {errors.year && <p className="mb-2 text-sm text-red-600">{t("calendar.yearError")}</p>}
        <table className="block w-full text-sm sm:table">
          <caption className="sr-only">{t("calendar.holidays")}</caption>
          <thead className="hidden sm:table-header-group">
            <tr className="text-left text-xs text-slate-500">
              <th className="pb-1">{t("calendar.name")}</th>
              <th className="pb-1">{t("calendar.from")}</th>
              <th className="pb-1">{t("calendar.to")}</th>
              <th>
                <span className="sr-only">{t("calendar.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {holidays.map((_, i) => (
              <tr
                key={i}
                className="grid grid-cols-2 gap-x-2 border-b border-slate-100 py-2 sm:table-row sm:border-0 sm:py-0"
              >
                {input(i, "name", "text")}
                {input(i, "from", "date")}
                {input(i, "to", "date")}
                <td className="col-span-2 block py-1 align-top sm:table-cell">
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setHolidays((rows) => rows.filter((__, k) => k !== i))}
                  >
                    {t("calendar.remove")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          onClick={() =>
            setHolidays((rows) => [
              ...rows,
              { name: "", from: `${year}-01-01`, to: `${year}-01-01` },
            ])
          }
        >
          {t("calendar.addHoliday")}
        </Button>

        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-800">{t("calendar.makeup")}</h3>
        <p className="mb-2 text-xs text-slate-500">{t("calendar.makeupHint")}</p>
        <ul className="space-y-1">
          {makeup.map((day, i) => (
            <li key={i} className="flex items-start gap-2">
              <div>
                <input
                  type="date"
                  aria-label={`${t("calendar.makeup")} ${i + 1}`}
                  value={day}
                  min={`${year}-01-01`}
                  max={`${year}-12-31`}
                  onChange={(e) =>
                    setMakeup((days) => days.map((d, k) => (k === i ? e.target.value : d)))
                  }
                  aria-invalid={errors[`makeupWorkdays.${i}`] ? true : undefined}
                  className={control}
                />
                {errors[`makeupWorkdays.${i}`] && (
                  <p className="mt-0.5 text-xs text-red-600">{t("calendar.makeupError")}</p>
                )}
              </div>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setMakeup((days) => days.filter((__, k) => k !== i))}
              >
                {t("calendar.remove")}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          onClick={() => setMakeup((days) => [...days, `${year}-01-03`])}
        >
          {t("calendar.addMakeup")}
        </Button>
        <div className="mt-6 max-w-xl">
          <TextField
            name="source"
            label={t("calendar.source")}
            defaultValue={initial.source}
            maxLength={300}
            hint={t("calendar.sourceHint")}
          />
        </div>
      </Card>
      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("calendar.saving")}>
          {adding ? t("calendar.addSubmit", { year }) : t("calendar.save")}
        </SubmitButton>
      </div>
    </form>
  );
}
