import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { withoutTenant } from "@/db/tenant";
import { AppError } from "@/lib/core/errors";

/** organizations is a global table (no RLS): callers pass the actor's own organisation id. */
export async function getOrganization(tx: Tx, orgId: string) {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw new AppError("notFound");
  return org;
}

/** Slugs are unique across all organisations; the unique constraint is the backstop. */
export async function assertSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.slug, slug), exceptId ? ne(organizations.id, exceptId) : undefined),
    );
  if (taken) throw new AppError("conflict", { slug: "slugTaken" });
}

/** The organisation behind a public URL (organisations are a global table). */
export async function organizationBySlug(slug: string) {
  const [row] = await withoutTenant((tx) =>
    tx
      .select({
        id: organizations.id,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        timeZone: organizations.timeZone,
      })
      .from(organizations)
      .where(eq(organizations.slug, slug)),
  );
  return row;
}

/** Every organisation, for operations that go through them all (the restore drill). */
export async function allOrganizations() {
  return withoutTenant((tx) =>
    tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations),
  );
}
