import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { leafHash, merkleProof, merkleRoot, nodeHash, verifyMerkleProof } from "./merkle";

const h = (s: string) => createHash("sha256").update(s).digest();
const leaves = (n: number) => Array.from({ length: n }, (_, i) => h(`receipt ${i}`));

describe("Merkle tree over receipt hashes", () => {
  it("separates leaves from nodes and carries an odd node up", () => {
    const [a, b, c] = leaves(3);
    expect(merkleRoot([a])).toBe(leafHash(a).toString("hex"));
    expect(merkleRoot([a, b])).toBe(nodeHash(leafHash(a), leafHash(b)).toString("hex"));
    expect(merkleRoot([a, b, c])).toBe(
      nodeHash(nodeHash(leafHash(a), leafHash(b)), leafHash(c)).toString("hex"),
    );
    // A duplicated last leaf is a different batch with a different root.
    expect(merkleRoot([a, b, c, c])).not.toBe(merkleRoot([a, b, c]));
    // An inner node presented as a leaf does not reproduce the root.
    expect(merkleRoot([nodeHash(leafHash(a), leafHash(b))])).not.toBe(merkleRoot([a, b]));
    expect(() => merkleRoot([])).toThrow();
  });

  it("proves every leaf of trees of many sizes, and nothing else", () => {
    for (const n of [1, 2, 3, 5, 8, 13, 500]) {
      const hashes = leaves(n);
      const root = merkleRoot(hashes);
      for (const i of n > 20 ? [0, 1, 250, 498, 499] : hashes.keys()) {
        const path = merkleProof(hashes, i);
        expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(verifyMerkleProof(hashes[i], path, root)).toBe(true);
        expect(verifyMerkleProof(h("forged"), path, root)).toBe(false);
        if (path.length > 0) {
          const flipped = path.map((s, k) =>
            k === 0
              ? { ...s, side: s.side === "left" ? ("right" as const) : ("left" as const) }
              : s,
          );
          expect(verifyMerkleProof(hashes[i], flipped, root)).toBe(false);
        }
      }
    }
    expect(() => merkleProof(leaves(3), 3)).toThrow(RangeError);
    expect(verifyMerkleProof(leaves(1)[0], [{ side: "left", hash: "zz" }], "00")).toBe(false);
  });
});
