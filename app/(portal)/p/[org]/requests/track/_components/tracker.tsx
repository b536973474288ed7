"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import type { TrackingEvent, TrackingView } from "@/lib/requests/requester/track";
import { replyAction, trackRequestAction, type TrackResult } from "../actions";
import { inputClass } from "@/components/ui/input-class";
import { useDates } from "@/components/ui/use-dates";

const statusTone: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-red-50 text-red-800 ring-red-200",
  awaiting_requester: "bg-amber-50 text-amber-800 ring-amber-200",
};

const knownSteps = [
  "erased",
  "consent_withdrawn",
  "objection_recorded",
  "restriction_recorded",
  "opt_out_recorded",
  "limitation_recorded",
  "export_ready",
  "rectification",
];

function EventItem({ event }: { event: TrackingEvent }) {
  const t = useTranslations("portalRequests.track");
  const { instant } = useDates();
  const title =
    event.kind === "status_changed"
      ? t("events.status_changed", {
          status: event.toStatus ? t(`statuses.${event.toStatus}`) : "",
        })
      : event.kind === "fulfilment"
        ? event.step && knownSteps.includes(event.step)
          ? t(`events.${event.step}`)
          : t("events.fulfilment")
        : t(`events.${event.kind}`);
  const hasText =
    event.kind === "message_to_requester" ||
    event.kind === "message_from_requester" ||
    event.kind === "extended";
  return (
    <li className="relative pl-5" data-testid="track-event">
      <span className="absolute left-0 top-1.5 size-2 rounded-full bg-brand-600" aria-hidden />
      <p className="text-sm font-medium text-slate-900">{title}</p>
      <p className="text-xs text-slate-500">
        <time dateTime={event.at}>{instant(event.at)}</time>
      </p>
      {hasText &&
        (event.text !== null ? (
          <p
            className="mt-1 whitespace-pre-wrap rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-slate-200"
            data-testid="track-message"
          >
            {event.text}
          </p>
        ) : (
          event.kind !== "extended" && (
            <p className="mt-1 text-xs text-slate-500">{t("events.unreadable")}</p>
          )
        ))}
    </li>
  );
}

function ReplyBox({
  org,
  token,
  onResult,
}: {
  org: string;
  token: string;
  onResult: (result: TrackResult & { replied?: boolean; invalid?: boolean }) => void;
}) {
  const t = useTranslations("portalRequests.track.reply");
  const [text, setText] = useState("");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <section
      aria-labelledby="reply"
      className="space-y-2 rounded-lg bg-white p-5 shadow-xs ring-1 ring-amber-200"
    >
      <h2 id="reply" className="text-base font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-600">{t("body")}</p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim() || text.length > 2000) return setError(t("invalid"));
          setError(null);
          start(async () => {
            const result = await replyAction(org, token, text);
            if (result.invalid) setError(t("invalid"));
            else if (result.replied) setText("");
            onResult(result);
          });
        }}
      >
        <label htmlFor="reply-text" className="block text-sm font-medium text-slate-700">
          {t("label")}
        </label>
        <textarea
          id="reply-text"
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          className={inputClass}
        />
        <p className="text-xs text-red-600" aria-live="polite">
          {error}
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </form>
    </section>
  );
}

function View({
  org,
  token,
  view,
  onResult,
  replied,
}: {
  org: string;
  token: string;
  view: TrackingView;
  onResult: (r: TrackResult & { replied?: boolean }) => void;
  replied: boolean;
}) {
  const t = useTranslations("portalRequests");
  const { day, instant } = useDates();
  const fact = (label: string, value: React.ReactNode, id?: string) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900" data-testid={id}>
        {value}
      </dd>
    </div>
  );
  return (
    <div className="space-y-5">
      <section className="space-y-4 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          {fact(t("track.reference"), view.reference, "track-reference")}
          {fact(t("track.type"), t(`types.${view.type}.label`), "track-type")}
          {fact(
            t("track.status"),
            <span
              className={`inline-block rounded px-1.5 ring-1 ${statusTone[view.status] ?? "bg-slate-50 text-slate-800 ring-slate-200"}`}
            >
              {t(`track.statuses.${view.status}`)}
            </span>,
            "track-status",
          )}
          {fact(t("track.receivedOn"), day(view.receivedOn))}
          {view.verifiedOn && fact(t("track.verifiedOn"), day(view.verifiedOn))}
          {view.dueOn &&
            !view.duplicateOfReference &&
            view.status !== "completed" &&
            view.status !== "rejected" &&
            fact(
              t("track.dueOn"),
              `${t("track.dueOnValue", { date: day(view.dueOn) })}${view.dueProvisional ? t("track.dueOnProvisional") : ""}${view.extended ? t("track.extended") : ""}`,
              "track-due",
            )}
        </dl>
        {view.dueProvisional && view.status !== "completed" && view.status !== "rejected" && (
          <p className="text-xs text-amber-700" data-testid="track-provisional">
            {t("track.provisionalNote")}
          </p>
        )}
        {!view.duplicateOfReference && (
          <p className="text-xs text-slate-600">{t(`track.law.${view.law}`)}</p>
        )}
        {view.paused && <p className="text-xs text-amber-700">{t("track.pausedNote")}</p>}
      </section>

      {view.duplicateOfReference && (
        <Notice tone="warning">
          {t("track.duplicate", { reference: view.duplicateOfReference })}
        </Notice>
      )}
      {view.status === "completed" && !view.duplicateOfReference && (
        <Notice tone="success">
          <span data-testid="track-completed">{t("track.completed")}</span>
        </Notice>
      )}
      {replied && <Notice tone="success">{t("track.reply.sent")}</Notice>}

      {view.status === "rejected" && (
        <section
          className="space-y-2 rounded-lg bg-white p-5 shadow-xs ring-1 ring-red-200"
          data-testid="track-rejection"
        >
          <h2 className="text-base font-semibold text-slate-900">{t("track.rejected")}</h2>
          <p className="text-sm text-slate-800">
            <span className="font-medium">{t("track.reason")}：</span>
            {view.rejectionReason}
          </p>
          {view.remedy && (
            <p className="text-sm text-slate-700">
              <span className="font-medium">{t("track.remedy")}：</span>
              {view.remedy}
            </p>
          )}
        </section>
      )}

      {view.erasure && (
        <section
          className="space-y-2 rounded-lg bg-white p-5 shadow-xs ring-1 ring-slate-200"
          data-testid="track-erasure"
        >
          <h2 className="text-base font-semibold text-slate-900">{t("track.erasure")}</h2>
          {view.erasure.split("\n\n").map((paragraph) => (
            <p key={paragraph} className="text-sm text-slate-700">
              {paragraph}
            </p>
          ))}
        </section>
      )}

      {view.download && (
        <section className="space-y-2 rounded-lg bg-white p-5 shadow-xs ring-1 ring-emerald-200">
          <h2 className="text-base font-semibold text-slate-900">{t("track.download.heading")}</h2>
          <p className="text-sm text-slate-700">
            {t("track.download.body", { date: instant(view.download.expiresAt, "date") })}
          </p>
          <form method="post" action={`/p/${encodeURIComponent(org)}/requests/track/download`}>
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("track.download.button")}</Button>
          </form>
        </section>
      )}

      {view.canReply && <ReplyBox org={org} token={token} onResult={onResult} />}

      <section
        aria-labelledby="timeline"
        className="space-y-3 rounded-lg bg-white p-6 shadow-xs ring-1 ring-slate-200"
      >
        <h2 id="timeline" className="text-base font-semibold text-slate-900">
          {t("track.timeline")}
        </h2>
        <ol className="space-y-3 border-l border-slate-200 pl-1">
          {view.events.map((e) => (
            <EventItem key={e.id} event={e} />
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Reads the token from the fragment, asks the server (POST) and shows the requester's view. */
export function Tracker({ org }: { org: string }) {
  const t = useTranslations("portalRequests.track");
  const [token, setToken] = useState<string | null>(null);
  const [result, setResult] = useState<(TrackResult & { replied?: boolean }) | null>(null);
  useEffect(() => {
    const read = () => {
      const value = decodeURIComponent(window.location.hash.replace(/^#/, "")).trim();
      setToken(value);
      if (!value) return setResult({ status: "notFound" });
      void trackRequestAction(org, value).then(setResult, () => setResult({ status: "failed" }));
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [org]);

  if (!result || token === null)
    return (
      <p className="text-sm text-slate-500" role="status">
        {t("loading")}
      </p>
    );
  if (result.status === "ok")
    return (
      <View
        org={org}
        token={token}
        view={result.view}
        onResult={setResult}
        replied={result.replied === true}
      />
    );
  if (result.status === "rateLimited") return <Notice tone="warning">{t("rateLimited")}</Notice>;
  if (result.status === "failed") return <Notice tone="warning">{t("failed")}</Notice>;
  return (
    <div data-testid="track-not-found">
      <EmptyState title={t("notFound")} body={t("notFoundBody")} />
    </div>
  );
}
