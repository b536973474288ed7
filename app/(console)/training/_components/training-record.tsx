import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { localized } from "@/lib/core/i18n/localized-text";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { TrainingRecord as Record } from "@/lib/training/queries";
import { DueBadge } from "./due-badge";

/** A member's training record on their user page: courses, attempts and certificates. */
export async function TrainingRecord({ record, today }: { record: Record; today: string }) {
  const [t, locale, format] = await Promise.all([
    getTranslations("training"),
    getLocale(),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <Card title={t("record.title")}>
      <div className="space-y-4 text-sm" data-testid="training-record">
        <div>
          <h3 className="mb-1 font-medium text-slate-800">{t("record.courses")}</h3>
          {record.assignments.length === 0 ? (
            <p className="text-slate-500">{t("record.noCourses")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {record.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <span>
                    {localized(a.title, locale)}{" "}
                    <span className="text-xs text-slate-500">({t(`reason.${a.reason}`)})</span>
                  </span>
                  {a.completedAt ? (
                    <span className="text-slate-600">
                      {t("mine.completedOn", { date: date(a.completedAt) })}
                    </span>
                  ) : (
                    <span className="flex items-center gap-2 text-slate-600">
                      {t("mine.due", { date: a.dueOn })} <DueBadge dueOn={a.dueOn} today={today} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium text-slate-800">{t("record.attempts")}</h3>
          {record.attempts.filter((a) => a.submittedAt).length === 0 ? (
            <p className="text-slate-500">{t("course.noAttempts")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {record.attempts
                .filter((a) => a.submittedAt)
                .map((a) => (
                  <li
                    key={a.id}
                    className="flex flex-wrap items-center justify-between gap-2 py-1.5"
                  >
                    <span>
                      {localized(a.title, locale)} · {date(a.submittedAt!)}
                    </span>
                    <span className="flex items-center gap-2 tabular-nums">
                      {a.score}% / {a.passMark}%
                      <Badge tone={a.passed ? "green" : "red"}>
                        {a.passed ? t("result.passed") : t("result.failed")}
                      </Badge>
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="mb-1 font-medium text-slate-800">{t("record.certificates")}</h3>
          {record.certificates.length === 0 ? (
            <p className="text-slate-500">{t("record.noCertificates")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {record.certificates.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <Link
                    href={`/training/certificates/${c.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {localized(c.title, locale)}
                  </Link>
                  <span className="font-mono text-xs text-slate-600">
                    {c.code} · {date(c.issuedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Card>
  );
}
