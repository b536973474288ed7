import "server-only";
import type { PortalPurpose } from "@/lib/portal/session";

/** The portal page of a purpose: /p/<org>/preferences, /p/<org>/requests. */
export const portalPage = (slug: string, purpose: PortalPurpose) =>
  `/p/${encodeURIComponent(slug)}/${purpose}`;
