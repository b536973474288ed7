import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { unfulfilled } from "@/lib/requests/fulfilment/completion";
import { requesterReachable } from "@/lib/requests/notify";
import { getRequest, requestHandlers, requestTimeline } from "@/lib/requests/queries";
import { openStatuses } from "@/lib/requests/transitions";
import { todayIso } from "@/lib/core/dates";
import { SlaBadge, StatusBadge, unitOf } from "../_components/request-badges";
import { AcknowledgeForm } from "./_components/acknowledge-form";
import { ClockCard } from "./_components/clock-card";
import { RequestActions } from "./_components/request-actions";
import { RequestFacts } from "./_components/request-facts";
import { Timeline } from "./_components/timeline";
import { FulfilmentSection } from "./fulfilment/_components/fulfilment-section";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata() {
  return { title: (await getTranslations("requests"))("title") };
}

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePage("requests.read");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const handles = can(actor.role, "requests.handle");
  const today = todayIso();
  const data = await withTenant(
    actor.orgId,
    async (tx) => {
      const request = await getRequest(tx, actor.orgId, id, today);
      if (!request) return undefined;
      const timeline = await requestTimeline(tx, actor.orgId, id, handles);
      const handlers = handles ? await requestHandlers(tx, actor.orgId) : [];
      const blocker =
        handles && request.request.status === "in_progress"
          ? await unfulfilled(tx, actor.orgId, id)
          : null;
      return { request, timeline, handlers, blocker };
    },
    actor.userId,
  );
  if (!data) notFound();
  const [t, fulfilment] = await Promise.all([
    getTranslations("requests"),
    getTranslations("fulfilment"),
  ]);
  const { request: detail } = data;
  const r = detail.request;
  const open = openStatuses.includes(r.status);

  return (
    <>
      <Link
        href="/requests"
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {t("backToList")}
      </Link>
      <PageHeader
        title={`${r.reference} · ${t(`type.${r.type}`)}`}
        description={t("detail.description", {
          law: r.laws.join(" · "),
          channel: t(`channel.${r.channel}`),
          receivedOn: r.receivedOn,
        })}
        actions={
          <div className="flex items-center gap-2" data-testid="request-header-badges">
            <StatusBadge status={r.status} />
            {open && (
              <SlaBadge
                state={detail.clock.state}
                remaining={
                  detail.clock.state === "overdue"
                    ? detail.calendarDaysLeft
                    : detail.clock.remaining
                }
                unit={unitOf(detail.clock.rule.dueSoonUnit)}
              />
            )}
            {/* Overdue outranks paused in the SLA state; the pause still shows. */}
            {open && r.pausedSince && detail.clock.state !== "paused" && (
              <span data-testid="paused-badge">
                <Badge tone="orange">{t("sla.state.paused")}</Badge>
              </span>
            )}
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <ClockCard detail={detail} open={open} today={today} />
          {handles &&
            open &&
            detail.clock.acknowledgeBy &&
            !r.acknowledgedAt &&
            !requesterReachable(detail.customer) && (
              <AcknowledgeForm id={r.id} acknowledgeBy={detail.clock.acknowledgeBy} />
            )}
          {handles ? (
            <RequestActions
              id={r.id}
              status={r.status}
              law={r.law}
              laws={r.laws}
              hasCustomer={r.customerId !== null}
              assigneeId={r.assigneeId}
              handlers={data.handlers}
              extension={{
                allowed: detail.rule.extension !== undefined,
                extended: r.extended,
                decideBy: detail.clock.extensionDecideBy,
                today,
              }}
              today={today}
              completeBlocker={data.blocker && fulfilment(`blocker.${data.blocker}`)}
            />
          ) : (
            <p
              className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 ring-1 ring-slate-200"
              role="note"
            >
              {t("detail.readOnly")}
            </p>
          )}
          <FulfilmentSection requestId={r.id} />
          <Card title={t("timeline.title")}>
            <Timeline entries={data.timeline} showTexts={handles} />
          </Card>
        </div>
        <RequestFacts detail={detail} />
      </div>
    </>
  );
}
