import "server-only";
import type { Tx } from "@/db/client";
import { decryptField, encryptField, type FieldContext } from "@/lib/core/crypto/field";
import { keyForField } from "@/lib/core/crypto/key-for-field";
import { ensureOrgKey } from "@/lib/core/crypto/org-keys";

const place = (orgId: string, importId: string): FieldContext => ({
  orgId,
  table: "customer_imports",
  column: "file_enc",
  rowId: importId,
});

/**
 * An uploaded file is sealed under the organisation's primary key (it belongs to no one customer
 * yet); the version is stored beside it so key rotation can find and re-seal it.
 */
export async function sealImportFile(tx: Tx, orgId: string, importId: string, text: string) {
  const key = await ensureOrgKey(tx, orgId);
  return { fileEnc: encryptField(key, text, place(orgId, importId)), fileKeyVersion: key.version };
}

/** The file's text, under whichever key version its header names (rotation may have re-sealed it). */
export async function openImportFile(
  tx: Tx,
  orgId: string,
  importId: string,
  blob: Buffer,
): Promise<string> {
  const key = await keyForField(tx, orgId, blob);
  return decryptField(key, blob, place(orgId, importId));
}
