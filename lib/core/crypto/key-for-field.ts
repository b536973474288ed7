import "server-only";
import type { Tx } from "@/db/client";
import { existingDataKey } from "@/lib/core/crypto/data-keys";
import { DecryptionError } from "@/lib/core/crypto/errors";
import type { FieldKey } from "@/lib/core/crypto/field-key";
import { readFieldHeader } from "@/lib/core/crypto/field";
import { orgKeyVersion } from "@/lib/core/crypto/org-keys";

/**
 * Finds the key a stored blob was sealed under, from the blob's own header. Never creates a key:
 * a destroyed or missing one throws KeyDestroyedError, a malformed header DecryptionError.
 */
export async function keyForField(tx: Tx, orgId: string, blob: Buffer): Promise<FieldKey> {
  const sealedUnder = readFieldHeader(blob);
  if (sealedUnder.kind === "data") return existingDataKey(tx, orgId, sealedUnder.id);
  if (sealedUnder.id !== orgId.toLowerCase()) throw new DecryptionError();
  return orgKeyVersion(tx, orgId, sealedUnder.version);
}
