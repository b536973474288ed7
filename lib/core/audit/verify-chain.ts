import { GENESIS_HASH, hashEvent, type ChainedEvent } from "./hash";

/**
 * An intact chain says how many signed checkpoints it matched and the last (`anchoredAt`, 0 for
 * none). Why a chain fails: an event that does not hash or link (`broken`), an event whose stored hash
 * differs from the one a genuine checkpoint signed (a rewrite with recomputed hashes), or a
 * checkpoint row whose signature does not verify (altered, forged, or signed with another key).
 */
export type ChainVerdict =
  | { intact: true; lastSeq: number; lastHash: string; checkpoints: number; anchoredAt: number }
  | { intact: false; reason: "broken"; brokenAt: number }
  | { intact: false; reason: "checkpointMismatch"; checkpoint: number; lastMatching: number }
  | { intact: false; reason: "checkpointNotGenuine"; checkpoint: number };
export type ChainFailure = Extract<ChainVerdict, { intact: false }>;

/** Exactly the fields the hash covers: a stored row also carries its hash, which must not be hashed. */
function hashedFields(e: ChainedEvent): ChainedEvent {
  return {
    orgId: e.orgId,
    seq: e.seq,
    occurredAt: e.occurredAt,
    actorType: e.actorType,
    actorId: e.actorId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: e.details,
    prevHash: e.prevHash,
  };
}

/** A trusted point to verify from: the genesis, or a signed checkpoint whose event still matches. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}
export const GENESIS_ANCHOR: ChainAnchor = { seq: 0, hash: GENESIS_HASH };

/** A stored checkpoint row as the walk needs it; `genuine` says its signature verified. */
export interface CheckpointAnchor extends ChainAnchor {
  genuine: boolean;
}

const none: AsyncIterable<CheckpointAnchor> = { [Symbol.asyncIterator]: async function* () {} };

/**
 * Walks events in sequence order from an anchor and reports the first one whose sequence, link or
 * hash does not match — or, at each checkpoint's sequence (checkpoints in sequence order, after the
 * anchor), whose stored hash is not the signed one. Re-hashing alone cannot catch someone who
 * rewrote an event and recomputed every later hash; the signed checkpoints can. Streams: it keeps
 * only the previous event and the next checkpoint.
 */
export async function verifyChain(
  events: AsyncIterable<ChainedEvent & { hash: string }>,
  opts: { from?: ChainAnchor; checkpoints?: AsyncIterable<CheckpointAnchor> } = {},
): Promise<ChainVerdict> {
  const from = opts.from ?? GENESIS_ANCHOR;
  const checkpoints = (opts.checkpoints ?? none)[Symbol.asyncIterator]();
  let next = await checkpoints.next();
  let expectedSeq = from.seq + 1;
  let prevHash = from.hash;
  let lastMatching = from.seq;
  let matched = 0;
  for await (const event of events) {
    if (
      event.seq !== expectedSeq ||
      event.prevHash !== prevHash ||
      hashEvent(hashedFields(event)) !== event.hash
    ) {
      return {
        intact: false,
        reason: "broken",
        brokenAt: expectedSeq === event.seq ? event.seq : expectedSeq,
      };
    }
    for (; !next.done && next.value.seq <= event.seq; next = await checkpoints.next()) {
      const checkpoint = next.value;
      if (!checkpoint.genuine)
        return { intact: false, reason: "checkpointNotGenuine", checkpoint: checkpoint.seq };
      if (checkpoint.seq !== event.seq || checkpoint.hash !== event.hash)
        return {
          intact: false,
          reason: "checkpointMismatch",
          checkpoint: checkpoint.seq,
          lastMatching,
        };
      lastMatching = event.seq;
      matched += 1;
    }
    prevHash = event.hash;
    expectedSeq += 1;
  }
  // A checkpoint beyond the last event signed an event that no longer exists.
  if (!next.done) {
    const checkpoint = next.value;
    if (!checkpoint.genuine)
      return { intact: false, reason: "checkpointNotGenuine", checkpoint: checkpoint.seq };
    return {
      intact: false,
      reason: "checkpointMismatch",
      checkpoint: checkpoint.seq,
      lastMatching,
    };
  }
  return {
    intact: true,
    lastSeq: expectedSeq - 1,
    lastHash: prevHash,
    checkpoints: matched,
    anchoredAt: lastMatching,
  };
}

/** A failure in one line of plain English, for logs and command-line tools (no personal data). */
export function describeChainFailure(verdict: ChainFailure): string {
  switch (verdict.reason) {
    case "broken":
      return `broken at #${verdict.brokenAt}`;
    case "checkpointMismatch":
      return `event #${verdict.checkpoint} does not match signed checkpoint #${verdict.checkpoint} (last match #${verdict.lastMatching})`;
    case "checkpointNotGenuine":
      return `signed checkpoint #${verdict.checkpoint} does not verify with this deployment's key`;
  }
}
