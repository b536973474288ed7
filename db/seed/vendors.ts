import type { Tx } from "@/db/client";
import type { AuditActor } from "@/lib/core/audit/record";

/** Replaced by the vendor registry's demo vendors. */
export async function seedVendors(_tx: Tx, _orgId: string, _size: "full" | "few", _actor: AuditActor): Promise<void> {}
