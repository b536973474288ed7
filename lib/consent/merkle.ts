import { hash } from "node:crypto";

// RFC 6962-style domain separation: a leaf is hashed with a 0x00 prefix and an inner node with
// 0x01, so an inner node can never be passed off as a leaf (second-preimage). An odd node at the
// end of a level is carried up unchanged rather than paired with itself, so no two different
// batches share a root by duplication (the CVE-2012-2459 shape).

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot hashing (no Hash object per call): a 10,000,000-receipt seed hashes 20,000,000 times.
export const leafHash = (contentHash: Buffer): Buffer =>
  hash("sha256", Buffer.concat([LEAF, contentHash]), "buffer");
export const nodeHash = (left: Buffer, right: Buffer): Buffer =>
  hash("sha256", Buffer.concat([NODE, left, right]), "buffer");

/** One step of an inclusion proof: the sibling's hash and on which side it sits. */
export interface ProofStep {
  side: "left" | "right";
  hash: string;
}

function nextLevel(level: Buffer[]): Buffer[] {
  const up: Buffer[] = [];
  for (let i = 0; i < level.length; i += 2)
    up.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
  return up;
}

/** The root (hex) over the content hashes in batch order. */
export function merkleRoot(contentHashes: Buffer[]): string {
  if (contentHashes.length === 0) throw new Error("a Merkle tree needs at least one leaf");
  let level: Buffer[] = contentHashes.map(leafHash);
  while (level.length > 1) level = nextLevel(level);
  return level[0].toString("hex");
}

/** The sibling path from leaf `index` to the root. */
export function merkleProof(contentHashes: Buffer[], index: number): ProofStep[] {
  if (!Number.isInteger(index) || index < 0 || index >= contentHashes.length)
    throw new RangeError("leaf index out of range");
  const path: ProofStep[] = [];
  let level: Buffer[] = contentHashes.map(leafHash);
  let i = index;
  while (level.length > 1) {
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length)
      path.push({ side: i % 2 === 0 ? "right" : "left", hash: level[sibling].toString("hex") });
    level = nextLevel(level);
    i = Math.floor(i / 2);
  }
  return path;
}

/** Recomputes the root from one content hash and its path; true when it matches `root`. */
export function verifyMerkleProof(contentHash: Buffer, path: ProofStep[], root: string): boolean {
  let node = leafHash(contentHash);
  for (const step of path) {
    if (!/^[0-9a-f]{64}$/.test(step.hash)) return false;
    const sibling = Buffer.from(step.hash, "hex");
    node = step.side === "left" ? nodeHash(sibling, node) : nodeHash(node, sibling);
  }
  return node.toString("hex") === root;
}
