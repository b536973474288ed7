import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { RefreshEvery } from "@/components/ui/refresh-every";
import type { IncidentNotice, NoticeRecipient } from "@/lib/incidents/notices/queries";
import { RECIPIENTS_SHOWN } from "@/lib/incidents/notices/queries";

/** A sent notice: its progress while queuing, its counts, and each person's message in the outbox (masked). */
export async function NoticeStatus({
  notice,
  recipients,
}: {
  notice: IncidentNotice;
  recipients: NoticeRecipient[];
}) {
  const [t, format] = await Promise.all([
    getTranslations("incidentAffected.notice"),
    getFormatter(),
  ]);
  const n = (v: number) => format.number(v);
  return (
    <div className="space-y-4" data-testid="notice-status" data-status={notice.status}>
      <p className="text-sm text-slate-800">
        <Badge
          tone={notice.status === "failed" ? "red" : notice.status === "sent" ? "green" : "amber"}
        >
          {t(`status.${notice.status}`)}
        </Badge>
      </p>
      {notice.status === "sending" && (
        <>
          <ProgressBar
            label={t("progressLabel")}
            testId="notice-progress"
            value={notice.processed}
            max={notice.total}
            text={t("progress", { processed: n(notice.processed), total: n(notice.total) })}
          />
          <RefreshEvery ms={1500} />
        </>
      )}
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="notice-counts">
        {(["queued", "noContact", "erased", "earlier"] as const).map((k) => (
          <div key={k} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs text-slate-500">{t(`counts.${k}`)}</dt>
            <dd className="tabular-nums text-slate-900" data-testid={`notice-${k}`}>
              {n(notice[k])}
            </dd>
          </div>
        ))}
      </dl>
      <table className="w-full text-sm" data-testid="notice-recipients">
        <caption className="mb-1 text-left text-xs text-slate-500">
          {t("recipientsCaption", { shown: Math.min(RECIPIENTS_SHOWN, notice.total) })}
        </caption>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="px-2 py-1 font-medium">{t("recipient")}</th>
            <th className="px-2 py-1 font-medium">{t("channel")}</th>
            <th className="px-2 py-1 font-medium">{t("languageColumn")}</th>
            <th className="px-2 py-1 font-medium">{t("statusColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r, i) => (
            <tr key={r.messageId ?? `none-${i}`} className="border-t border-slate-100">
              <td className="px-2 py-1 font-mono text-xs">{r.recipientMasked ?? "—"}</td>
              <td className="px-2 py-1">{r.channel ? t(`channels.${r.channel}`) : "—"}</td>
              <td className="px-2 py-1">{r.locale ? t(`language.${r.locale}`) : "—"}</td>
              <td className="px-2 py-1">
                {r.status
                  ? t(`messageStatus.${r.status}`)
                  : r.erased
                    ? t("messageStatus.erased")
                    : t("messageStatus.none")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
