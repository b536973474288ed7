import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { auditActorOptions } from "@/lib/core/audit/actors";
import { listCheckpoints } from "@/lib/core/audit/checkpoint";
import { listAuditEvents } from "@/lib/core/audit/queries";
import { auditSigningKey } from "@/lib/core/audit/signing-key";
import { chainStatus } from "@/lib/core/audit/verify-organization";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { ChainCard } from "./_components/chain-card";
import { CheckpointsCard } from "./_components/checkpoints-card";
import { EventsTable } from "./_components/events-table";
import { FiltersForm } from "./_components/filters-form";
import { Pager } from "./_components/pager";
import {
  activeFilterNames,
  auditQuery,
  parseAuditSearchParams,
  toAuditFilters,
} from "./search-params";

const PAGE_SIZE = 50;

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("audit.read");
  const params = parseAuditSearchParams(await searchParams);
  const [t, common] = await Promise.all([getTranslations("audit"), getTranslations("common")]);
  const { page, members, status, checkpoints } = await withTenant(
    actor.orgId,
    async (tx) => ({
      page: await listAuditEvents(tx, toAuditFilters(params), {
        cursor: params.cursor,
        limit: PAGE_SIZE,
      }),
      members: await auditActorOptions(tx),
      status: await chainStatus(tx, actor.orgId),
      checkpoints: await listCheckpoints(tx, { limit: 3 }),
    }),
    actor.userId,
  );
  const filtered = activeFilterNames(params).length > 0;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor.role, "audit.export") && (
            <a
              href={`/audit/export${auditQuery(params)}`}
              download
              className={buttonClass("secondary")}
            >
              {t("exportCsv")}
            </a>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <ChainCard
          status={status}
          verify={params.verify === "1"}
          verifyHref={`/audit${auditQuery(params, { verify: "1" })}`}
          orgId={actor.orgId}
          userId={actor.userId}
        />
        <CheckpointsCard
          rows={checkpoints.rows}
          fingerprint={auditSigningKey().fingerprint}
          canCreate={can(actor.role, "audit.checkpoint")}
        />
      </div>
      <section aria-labelledby="audit-events" className="mt-8 space-y-3">
        <h2 id="audit-events" className="text-base font-semibold text-slate-900">
          {t("events.heading")}
        </h2>
        <FiltersForm params={params} members={members} />
        {page.rows.length > 0 ? (
          <>
            <EventsTable rows={page.rows} params={params} />
            <Pager
              label={t("events.pagination")}
              summary={common("showing", { count: page.rows.length })}
              newestHref={params.cursor ? `/audit${auditQuery(params)}` : undefined}
              olderHref={
                page.nextCursor
                  ? `/audit${auditQuery(params, { cursor: String(page.nextCursor) })}`
                  : undefined
              }
              labels={{ newest: t("events.newest"), older: t("events.older") }}
            />
          </>
        ) : (
          <EmptyState
            title={t("events.empty")}
            body={filtered ? t("events.emptyFiltered") : t("events.emptyBody")}
            action={
              filtered ? (
                <a href="/audit" className={buttonClass("secondary")}>
                  {t("filters.clear")}
                </a>
              ) : undefined
            }
          />
        )}
      </section>
    </>
  );
}
