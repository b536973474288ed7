import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { departmentOptions } from "@/lib/departments/queries";
import { grantableRoles } from "@/lib/users/rules";
import { InviteFlow } from "../_components/invite-flow";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("invite.title") };
}

export default async function InvitePage() {
  const actor = await requirePage("users.invite");
  const [t, common] = await Promise.all([getTranslations("users"), getTranslations("common")]);
  const departments = await withTenant(
    actor.orgId,
    (tx) => departmentOptions(tx, actor.orgId),
    actor.userId,
  );
  const roleOptions = grantableRoles(actor).map((r) => ({ value: r, label: common(`roles.${r}`) }));
  return (
    <>
      <PageHeader
        title={t("invite.title")}
        description={t("invite.description")}
        actions={
          <Link href="/users" className={buttonClass("secondary")}>
            {t("backToList")}
          </Link>
        }
      />
      <Card className="max-w-2xl">
        <InviteFlow
          roleOptions={roleOptions}
          departmentOptions={[
            { value: "", label: t("noDepartment") },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
      </Card>
    </>
  );
}
