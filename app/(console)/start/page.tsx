import { redirect } from "next/navigation";
import { withTenant } from "@/db/tenant";
import { requirePage } from "@/lib/core/auth/guard";
import { landingPath } from "@/lib/core/authz/landing";
import { departmentHeadedBy } from "@/lib/departments/queries";

/** Where sign-in leads: each role's own starting page (lib/core/authz/landing.ts). */
export default async function StartPage(): Promise<never> {
  const actor = await requirePage();
  const headed =
    actor.role === "manager"
      ? await withTenant(
          actor.orgId,
          (tx) => departmentHeadedBy(tx, actor.orgId, actor.userId),
          actor.userId,
        )
      : null;
  redirect(landingPath(actor.role, headed));
}
