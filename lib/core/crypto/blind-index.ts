import "server-only";
import { createHmac } from "node:crypto";
import type { Tx } from "@/db/client";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { normaliseEmail, normaliseNationalId, normalisePhone } from "@/lib/core/crypto/normalise";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { ensureOrgKey, liveOrgKeys } from "@/lib/core/crypto/org-keys";

export type BlindIndexKind = "phone" | "email" | "national_id";

const normalisers: Record<BlindIndexKind, (value: string) => string | null> = {
  phone: normalisePhone,
  email: normaliseEmail,
  national_id: normaliseNationalId,
};

/**
 * The organisation's index key, derived from its primary org key. Indexes made under one version
 * only match that version, so rotation must recompute them (the returned version says which).
 */
export async function blindIndexKey(
  tx: Tx,
  orgId: string,
): Promise<{ version: number; key: Buffer }> {
  return indexKeyOf(await ensureOrgKey(tx, orgId));
}

/** The index key derived from one version of the organisation key. */
export function indexKeyOf(orgKey: FieldKey): { version: number; key: Buffer } {
  return { version: orgKey.version, key: deriveKey(orgKey.bytes, "blind-index", orgKey.orgId) };
}

/**
 * The index keys of every live version, primary first. During a rotation a customer's indexes
 * are under the old or the new version, so lookups try each (`inArray`); writes use the primary.
 */
export async function blindIndexKeys(
  tx: Tx,
  orgId: string,
): Promise<Array<{ version: number; key: Buffer }>> {
  return (await liveOrgKeys(tx, orgId)).map(indexKeyOf);
}

/** Bytes kept of the HMAC: 128 bits, far beyond any collision among an organisation's customers. */
export const BLIND_INDEX_BYTES = 16;

/**
 * HMAC-SHA256 of the normalised value, truncated to 128 bits, for exact-match search without
 * storing the value (stored as bytea: half the index of the hex form, so millions of customers'
 * indexes stay in memory). The kind is part of the MAC so a phone and an ID number with equal text
 * never collide. Throws RangeError for a value that is not of that kind (validate input with the
 * normalisers first).
 */
export function blindIndex(indexKey: Buffer, kind: BlindIndexKind, value: string): Buffer {
  const normalised = normalisers[kind](value);
  if (normalised === null) throw new RangeError(`not a valid ${kind}`);
  return createHmac("sha256", indexKey)
    .update(`${kind}\0${normalised}`, "utf8")
    .digest()
    .subarray(0, BLIND_INDEX_BYTES);
}
