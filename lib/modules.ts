import { accountModule } from "@/lib/account/module";
import { apiModule } from "@/lib/api/module";
import { complianceAuditsModule } from "@/lib/compliance-audits/module";
import { consentModule } from "@/lib/consent/module";
import { controlsModule } from "@/lib/controls/module";
import { coreModule } from "@/lib/core/module";
import type { JobDefinition } from "@/lib/core/jobs/job";
import type { NavItem } from "@/lib/core/modules/define-module";
import { customersModule } from "@/lib/customers/module";
import { dataCategoriesModule } from "@/lib/data-categories/module";
import { departmentsModule } from "@/lib/departments/module";
import { importsModule } from "@/lib/imports/module";
import { incidentsModule } from "@/lib/incidents/module";
import { invitationsModule } from "@/lib/invitations/module";
import { keysModule } from "@/lib/keys/module";
import { organizationsModule } from "@/lib/organizations/module";
import { outboxModule } from "@/lib/outbox/module";
import { policiesModule } from "@/lib/policies/module";
import { portalModule } from "@/lib/portal/module";
import { requirementsModule } from "@/lib/requirements/module";
import { purposesModule } from "@/lib/purposes/module";
import { requestsModule } from "@/lib/requests/module";
import { risksModule } from "@/lib/risks/module";
import { securityTestsModule } from "@/lib/security-tests/module";
import { trainingModule } from "@/lib/training/module";
import { systemsModule } from "@/lib/systems/module";
import { usersModule } from "@/lib/users/module";
import { vaultModule } from "@/lib/vault/module";
import { vendorsModule } from "@/lib/vendors/module";

/**
 * Every module, each declared once in its own module.ts. The permission map, the audit log's
 * actions, the sidebar, the message loader and the worker read this list. Declarations are data
 * (their jobs load lazily), so lib/core may read it without loading any module's code.
 */
export const modules = [
  coreModule,
  accountModule,
  organizationsModule,
  usersModule,
  invitationsModule,
  departmentsModule,
  vendorsModule,
  customersModule,
  importsModule,
  vaultModule,
  keysModule,
  apiModule,
  policiesModule,
  purposesModule,
  systemsModule,
  dataCategoriesModule,
  consentModule,
  portalModule,
  outboxModule,
  requestsModule,
  securityTestsModule,
  risksModule,
  incidentsModule,
  trainingModule,
  requirementsModule,
  controlsModule,
  complianceAuditsModule,
] as const;

type Declared = (typeof modules)[number];

/** Every audit action, in declaration order. */
export const declaredAuditActions = modules.flatMap(
  (m) => m.auditActions as readonly Declared["auditActions"][number][],
);

/** The sidebar: every module's entries, by position. */
export const navItems: readonly NavItem<Declared["nav"][number]["permission"]>[] = modules
  .flatMap((m): readonly NavItem<Declared["nav"][number]["permission"]>[] => m.nav)
  .sort((a, b) => a.position - b.position);

/** Every message namespace (messages/<locale>/<namespace>.json). */
export const messageNamespaces: readonly string[] = modules.flatMap((m) => m.messages);

/** Every background job the worker runs; loads each module's job code. */
export async function loadJobs(): Promise<JobDefinition[]> {
  return (await Promise.all(modules.map((m) => m.jobs()))).flat();
}
