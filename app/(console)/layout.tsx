import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { NavDrawer } from "@/components/shell/nav-drawer";
import { OrgSwitch } from "@/components/shell/org-switch";
import { Sidebar, type NavSection } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePage } from "@/lib/core/auth/guard";
import { can } from "@/lib/core/authz/permissions";
import { navGroups } from "@/lib/core/modules/define-module";
import { navItems } from "@/lib/modules";
import { withTenant } from "@/db/tenant";
import { pendingTaskCount } from "@/lib/tasks/pending";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePage(undefined, { allowPending: true });
  const [t, common, auth, locale] = await Promise.all([
    getTranslations("nav"),
    getTranslations("common"),
    getTranslations("auth"),
    getLocale(),
  ]);
  const orgName = (m: { nameZh: string; nameEn: string }) =>
    locale === "en" ? m.nameEn : m.nameZh;
  const items = actor.pending ? [] : navItems.filter((i) => can(actor.role, i.permission));
  const pendingTasks = items.some((i) => i.key === "tasks")
    ? await withTenant(actor.orgId, (tx) => pendingTaskCount(tx, actor.orgId, actor), actor.userId)
    : 0;
  const sections: NavSection[] = navGroups
    .map((group) => ({
      key: group,
      label: t(`groups.${group}`),
      items: items
        .filter((i) => i.group === group)
        .map((i) => ({
          href: i.href,
          label: t(i.key),
          ...(i.key === "tasks" && {
            count: pendingTasks,
            countLabel: t("pendingCount", { count: pendingTasks }),
          }),
        })),
    }))
    .filter((section) => section.items.length > 0);
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-4 md:flex">
        <div className="mb-6 flex items-center gap-2 px-2">
          <span
            className="flex size-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white"
            aria-hidden
          >
            PD
          </span>
          <span className="text-sm font-semibold">{common("brand")}</span>
        </div>
        <Sidebar sections={sections} label={t("label")} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 md:px-6">
          <div className="flex min-w-0 items-center gap-2">
            {sections.length > 0 && (
              <NavDrawer
                sections={sections}
                label={t("label")}
                labels={{ open: t("menu"), close: t("closeMenu") }}
              />
            )}
            <OrgSwitch
              current={actor.orgId}
              label={t("switchOrg")}
              options={actor.memberships.map((m) => ({ id: m.orgId, name: orgName(m) }))}
            />
          </div>
          <div className="flex shrink-0 items-center gap-2 sm:gap-4">
            {/* Anyone reports a suspected incident from anywhere: the button is in the shell, not in a module's page. */}
            {!actor.pending && can(actor.role, "incidents.report") && (
              <Link
                href="/incidents/new"
                className={`${buttonClass("danger", "sm")} whitespace-nowrap`}
                data-testid="report-incident"
              >
                {t("reportIncident")}
              </Link>
            )}
            <LanguageSwitch />
            <UserMenu
              name={actor.name}
              role={common(`roles.${actor.role}`)}
              labels={{
                menu: t("userMenu"),
                security: t("security"),
                password: t("password"),
                signOut: auth("signOut"),
              }}
            />
          </div>
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
