import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { EventTime } from "@/components/ui/event-time";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { RecordTable, type RecordColumn } from "@/components/ui/record-table";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { acknowledgementTracking, type TrackedPerson } from "@/lib/policies/acknowledgements";
import { isPolicyId } from "@/lib/policies/schemas";
import { localized } from "@/lib/core/i18n/localized-text";
import { ProgressBar } from "./_components/progress-bar";

export async function generateMetadata() {
  return { title: (await getTranslations("policies"))("acknowledgements.link") };
}

/** Who has and has not acknowledged the version in force; a manager's view is limited to their department on the server. */
export default async function AcknowledgementsPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const actor = await requirePage("acknowledgements.read");
  const { id } = await params;
  if (!isPolicyId(id)) notFound();
  const data = await withTenant(
    actor.orgId,
    (tx) => acknowledgementTracking(tx, actor.orgId, actor, id),
    actor.userId,
  );
  if (!data) notFound();
  const [t, locale] = await Promise.all([
    getTranslations("policies.acknowledgements"),
    getLocale(),
  ]);
  const { doc, version, scope, people } = data;
  const pending = people.filter((p) => !p.acknowledgedAt);
  const done = people.filter((p) => p.acknowledgedAt);

  return (
    <>
      <Link
        href={`/policies/${id}`}
        className="mb-3 inline-block text-sm text-slate-500 hover:text-slate-800"
      >
        ← {(await getTranslations("policies"))("backToDocument")}
      </Link>
      <PageHeader
        title={t("title", { document: localized(doc.title, locale) })}
        description={scope === "department" ? t("scopeDepartment") : t("scopeOrganisation")}
      />
      {!doc.acknowledgementRequired ? (
        <Notice tone="warning">{t("notRequired")}</Notice>
      ) : !version ? (
        <Notice tone="warning">{t("notPublished")}</Notice>
      ) : people.length === 0 ? (
        <Notice>{t("nobody")}</Notice>
      ) : (
        <div className="space-y-6">
          <Card>
            <p
              className="mb-2 text-sm font-medium text-slate-800"
              data-testid="acknowledgement-progress"
            >
              {t("progress", {
                acknowledged: done.length,
                total: people.length,
                version: version.version,
              })}
            </p>
            <ProgressBar value={done.length} max={people.length} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={`${t("pending")} (${pending.length})`}>
              <PeopleTable people={pending} caption={t("pending")} empty={t("nobodyPending")} />
            </Card>
            <Card title={`${t("done")} (${done.length})`}>
              <PeopleTable people={done} caption={t("done")} empty={t("nobodyDone")} withTime />
            </Card>
          </div>
        </div>
      )}
    </>
  );
}

async function PeopleTable({
  people,
  caption,
  empty,
  withTime = false,
}: {
  people: TrackedPerson[];
  caption: string;
  empty: string;
  withTime?: boolean;
}) {
  const t = await getTranslations("policies.acknowledgements");
  const acknowledgedAt: RecordColumn<TrackedPerson> = {
    header: t("acknowledgedAt"),
    cell: (p) => p.acknowledgedAt && <EventTime iso={p.acknowledgedAt.toISOString()} />,
  };
  return (
    <RecordTable
      variant="inset"
      caption={caption}
      empty={{ title: empty }}
      rows={people}
      rowKey={(p) => p.userId}
      columns={[
        { header: t("name"), cell: (p) => p.name, className: "font-medium text-slate-800" },
        {
          header: t("department"),
          cell: (p) => p.departmentName ?? t("noDepartment"),
          className: "text-slate-600",
        },
        ...(withTime ? [acknowledgedAt] : []),
      ]}
    />
  );
}
