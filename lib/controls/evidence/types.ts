import type { Tx } from "@/db/client";
import type { ControlStatus } from "@/db/schema/controls";

/** What a control's query found: its status, the rate's parts, and counts to show beside them. */
export interface Evidence {
  status: ControlStatus;
  numerator: number | null;
  denominator: number | null;
  details: Record<string, number | string | boolean>;
}

export type EvidenceQuery = (tx: Tx, orgId: string, now: Date) => Promise<Evidence>;
