import { GENESIS_HASH, hashEvent, type ChainedEvent } from "./hash";

export type ChainVerdict =
  | { intact: true; lastSeq: number; lastHash: string }
  | { intact: false; brokenAt: number };

/** Exactly the fields the hash covers: a stored row also carries its hash, which must not be hashed. */
function hashedFields(e: ChainedEvent): ChainedEvent {
  return {
    orgId: e.orgId, seq: e.seq, occurredAt: e.occurredAt, actorType: e.actorType, actorId: e.actorId,
    action: e.action, targetType: e.targetType, targetId: e.targetId, details: e.details, prevHash: e.prevHash,
  };
}

/** A trusted point to verify from: the genesis, or a signed checkpoint whose event still matches. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}
export const GENESIS_ANCHOR: ChainAnchor = { seq: 0, hash: GENESIS_HASH };

/**
 * Walks events in sequence order from an anchor and reports the first one whose sequence, link
 * or hash does not match. Streams: it keeps only the previous event.
 */
export async function verifyChain(events: AsyncIterable<ChainedEvent & { hash: string }>, from: ChainAnchor = GENESIS_ANCHOR): Promise<ChainVerdict> {
  let expectedSeq = from.seq + 1;
  let prevHash = from.hash;
  for await (const event of events) {
    if (event.seq !== expectedSeq || event.prevHash !== prevHash || hashEvent(hashedFields(event)) !== event.hash) {
      return { intact: false, brokenAt: expectedSeq === event.seq ? event.seq : expectedSeq };
    }
    prevHash = event.hash;
    expectedSeq += 1;
  }
  return { intact: true, lastSeq: expectedSeq - 1, lastHash: prevHash };
}
