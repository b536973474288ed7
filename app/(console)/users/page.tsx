import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { roles } from "@/db/schema/users";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { listOpenInvitations } from "@/lib/invitations/queries";
import { MEMBER_PAGE_SIZE } from "@/lib/users/list-query";
import { listMembers } from "@/lib/users/queries";
import { InvitationsTable } from "./_components/invitations-table";
import { MembersTable } from "./_components/members-table";
import { membersHref, parseMemberSearch } from "./search-params";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("users.read");
  const query = parseMemberSearch(await searchParams);
  const [t, [page, invitations]] = await Promise.all([
    getTranslations("users"),
    withTenant(
      actor.orgId,
      async (tx) =>
        [
          await listMembers(tx, actor.orgId, query, MEMBER_PAGE_SIZE),
          await listOpenInvitations(tx, actor.orgId),
        ] as const,
      actor.userId,
    ),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          can(actor.role, "users.invite") && (
            <Link href="/users/invite" className={buttonClass()}>
              {t("invite.open")}
            </Link>
          )
        }
      />
      {invitations.length > 0 && (
        <div className="mb-6">
          <InvitationsTable rows={invitations} canManage={can(actor.role, "users.invite")} />
        </div>
      )}
      <MembersTable
        rows={page.rows}
        query={query}
        selfId={actor.userId}
        roles={roles}
        firstHref={query.cursor ? membersHref(query) : undefined}
        nextHref={page.next ? membersHref(query, page.next) : undefined}
      />
    </>
  );
}
