import { getTranslations } from "next-intl/server";
import type { NoticePreview } from "@/lib/incidents/notices/preview";

/** Each law's notice in each language, as it will be sent (one per person: their law's, in its language). */
export async function NoticePreviews({ previews }: { previews: NoticePreview[] }) {
  const [t, incidents] = await Promise.all([
    getTranslations("incidentAffected.notice"),
    getTranslations("incidents"),
  ]);
  return (
    <div className="space-y-2" data-testid="notice-previews">
      <p className="text-xs text-slate-600">{t("previewHelp")}</p>
      {previews.map((p) => (
        <details
          key={`${p.law}-${p.locale}`}
          className="rounded-md ring-1 ring-slate-200"
          data-testid={`preview-${p.law}-${p.locale}`}
        >
          <summary className="cursor-pointer px-3 py-2 text-sm text-slate-800">
            {t("previewOf", {
              law: incidents(`law.${p.law}` as never),
              language: t(`language.${p.locale}`),
            })}
          </summary>
          <div className="border-t border-slate-100 px-3 py-2" lang={p.locale}>
            <p className="mb-2 text-sm font-medium text-slate-900">{p.subject}</p>
            <pre className="font-sans text-sm whitespace-pre-wrap text-slate-700">{p.body}</pre>
          </div>
        </details>
      ))}
    </div>
  );
}
