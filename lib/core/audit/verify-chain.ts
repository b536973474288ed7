import { GENESIS_HASH, hashEvent, type ChainedEvent } from "./hash";

export type ChainVerdict =
  | { intact: true; lastSeq: number; lastHash: string }
  | { intact: false; brokenAt: number };

/**
 * Walks events in sequence order and reports the first one whose sequence, link or hash does
 * not match. Streams: it keeps only the previous event.
 */
export async function verifyChain(events: AsyncIterable<ChainedEvent & { hash: string }>): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for await (const event of events) {
    if (event.seq !== expectedSeq || event.prevHash !== prevHash || hashEvent(event) !== event.hash) {
      return { intact: false, brokenAt: expectedSeq === event.seq ? event.seq : expectedSeq };
    }
    prevHash = event.hash;
    expectedSeq += 1;
  }
  return { intact: true, lastSeq: expectedSeq - 1, lastHash: prevHash };
}
