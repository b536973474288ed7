import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);
const DOMAIN = "privacy-desk/audit-event/v1\n";

/** The fields the hash covers: everything in the row but the hash itself. */
export interface ChainedEvent {
  orgId: string;
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/** SHA-256 over a domain tag and the canonical encoding; the timestamp is normalised to ISO UTC. */
export function hashEvent(event: ChainedEvent): string {
  const body = canonicalJson({ ...event, occurredAt: new Date(event.occurredAt).toISOString() });
  return createHash("sha256").update(DOMAIN).update(body).digest("hex");
}
