import { getTranslations } from "next-intl/server";
import { EventTime } from "@/components/ui/event-time";
import type { RotationRow } from "@/lib/keys/inventory";

/** Past rotations, newest first. */
export async function RotationHistory({ rows }: { rows: RotationRow[] }) {
  const t = await getTranslations("keys");
  return (
    <section aria-labelledby="keys-history" className="space-y-3">
      <h2 id="keys-history" className="text-base font-semibold text-slate-900">{t("history.heading")}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("history.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
          <table className="min-w-full text-sm" aria-labelledby="keys-history">
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                {(["toVersion", "status", "progress", "startedBy", "startedAt", "finishedAt"] as const).map((c) => (
                  <th key={c} scope="col" className="px-4 py-2.5">{t(`history.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2.5 font-mono">v{r.toVersion}</td>
                  <td className="px-4 py-2.5">{t(`rotationStatus.${r.status}`)}</td>
                  <td className="px-4 py-2.5 tabular-nums">{r.done.toLocaleString()} / {r.total.toLocaleString()}</td>
                  <td className="px-4 py-2.5">{r.startedBy}</td>
                  <td className="px-4 py-2.5"><EventTime iso={new Date(r.startedAt).toISOString()} /></td>
                  <td className="px-4 py-2.5">{r.finishedAt ? <EventTime iso={r.finishedAt.toISOString()} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
