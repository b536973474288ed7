import "server-only";
import { grantMembership } from "@/lib/users/commands";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  jurisdictions as allJurisdictions,
  organizations,
  type Jurisdiction,
  type Locale,
} from "@/db/schema";
import { enterTenant } from "@/db/tenant";
import type { ActionContext } from "@/lib/core/actions/define-action";
import type { AuditActor } from "@/lib/core/audit/record";
import { tenantContext } from "@/lib/core/tenancy/context";
import { AppError } from "@/lib/core/errors";
import { assertSlugFree } from "./queries";
import type { OrganizationInput } from "./schemas";
import { seedWorkingCalendars } from "@/lib/requests/calendar-store";

export interface NewOrganization {
  slug: string;
  nameZh: string;
  nameEn: string;
  jurisdictions: Jurisdiction[];
  locale: Locale;
  timeZone?: string;
}

/**
 * Creates an organisation with its first owner, and starts its audit chain with the creation.
 * Leaves the transaction pointed at the new organisation.
 */
export async function createOrganization(
  tx: Tx,
  input: NewOrganization,
  ownerUserId: string,
  actor: AuditActor,
): Promise<string> {
  const [org] = await tx.insert(organizations).values(input).returning({ id: organizations.id });
  await enterTenant(tx, org.id, ownerUserId);
  await grantMembership(tx, org.id, ownerUserId, "owner");
  await seedWorkingCalendars(tx, org.id);
  await tenantContext(tx, org.id, actor).audit({
    action: "organization.created",
    targetType: "organization",
    targetId: org.id,
    details: { slug: input.slug, jurisdictions: input.jurisdictions },
  });
  return org.id;
}

/** Jurisdictions in one canonical order, so comparing and displaying them is stable. */
const canonical = (list: Jurisdiction[]) => allJurisdictions.filter((j) => list.includes(j));

/**
 * Edits the current organisation. organizations is global (no RLS), so the row is addressed by the
 * actor's own org id and nothing else. The audit event lists the names of the changed fields.
 */
export async function updateOrganization(
  ctx: ActionContext,
  input: OrganizationInput,
): Promise<string[]> {
  const [current] = await ctx.tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, ctx.orgId))
    .for("update");
  if (!current) throw new AppError("notFound");
  const next = {
    ...input,
    jurisdictions: canonical(input.jurisdictions),
    gdprChildAge: input.gdprChildAge ?? current.gdprChildAge,
  };
  const fields = (
    ["nameZh", "nameEn", "slug", "locale", "gdprChildAge", "timeZone"] as const
  ).filter((f) => current[f] !== next[f]) as string[];
  if (canonical(current.jurisdictions).join() !== next.jurisdictions.join())
    fields.push("jurisdictions");
  if (fields.length === 0) throw new AppError("invalid", { _form: "unchanged" });
  if (fields.includes("slug")) await assertSlugFree(ctx.tx, next.slug, ctx.orgId);
  await ctx.tx.update(organizations).set(next).where(eq(organizations.id, ctx.orgId));
  await ctx.audit({
    action: "organization.updated",
    targetType: "organization",
    targetId: ctx.orgId,
    details: { fields },
  });
  return fields;
}

/**
 * An owner starts another organisation and becomes its owner. Its chain opens with
 * `organization.created` (written by createOrganization inside the new tenant); the transaction is
 * then pointed back at the current organisation, whose chain records the same event with the new
 * org as target: the authority used was an owner's here, so this organisation's auditors see it.
 */
export async function createAnotherOrganization(
  ctx: ActionContext,
  input: OrganizationInput,
): Promise<string> {
  await assertSlugFree(ctx.tx, input.slug);
  const actor: AuditActor = { type: "user", id: ctx.user.userId };
  const orgId = await createOrganization(
    ctx.tx,
    { ...input, jurisdictions: canonical(input.jurisdictions) },
    ctx.user.userId,
    actor,
  );
  await enterTenant(ctx.tx, ctx.orgId, ctx.user.userId);
  await ctx.audit({
    action: "organization.created",
    targetType: "organization",
    targetId: orgId,
    details: { slug: input.slug },
  });
  return orgId;
}
