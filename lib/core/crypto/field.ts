import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { DecryptionError } from "@/lib/core/crypto/errors";
import {
  FieldKey,
  fieldKeyKinds,
  type FieldKeyIdentity,
  type FieldKeyKind,
} from "@/lib/core/crypto/field-key";

/** Where a value lives; the ciphertext only opens in exactly this place. */
export interface FieldContext {
  orgId: string;
  table: string;
  column: string;
  rowId: string;
}

// Blob layout: format (1) | key kind (1) | key id, a uuid (16) | key version (4, BE) | aead blob
// (aead.ts: version | nonce | ciphertext | tag). The header is authenticated through the AAD.
const FORMAT = 1;
const HEADER_BYTES = 1 + 1 + 16 + 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function header(key: FieldKeyIdentity): Buffer {
  if (!UUID.test(key.id)) throw new TypeError("a field key id must be a uuid");
  const out = Buffer.alloc(HEADER_BYTES);
  out[0] = FORMAT;
  out[1] = fieldKeyKinds[key.kind];
  Buffer.from(key.id.replaceAll("-", ""), "hex").copy(out, 2);
  out.writeUInt32BE(key.version, 18);
  return out;
}

// A JSON array cannot be made ambiguous by separators inside table, column or row names.
function associatedData(head: Buffer, where: FieldContext): string {
  return JSON.stringify([
    "privacy-desk/field",
    head.toString("hex"),
    where.orgId,
    where.table,
    where.column,
    where.rowId,
  ]);
}

/** Reads which key a blob was sealed under (for choosing the key, and for rotation). */
export function readFieldHeader(blob: Buffer): Omit<FieldKeyIdentity, "orgId"> {
  if (!Buffer.isBuffer(blob) || blob.length < HEADER_BYTES || blob[0] !== FORMAT)
    throw new DecryptionError();
  const kind = (Object.keys(fieldKeyKinds) as FieldKeyKind[]).find(
    (k) => fieldKeyKinds[k] === blob[1],
  );
  if (!kind) throw new DecryptionError();
  const hex = blob.subarray(2, 18).toString("hex");
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind, id, version: blob.readUInt32BE(18) };
}

/** Encrypts one field value under `key`, bound to its organisation, table, column and row. */
export function encryptField(key: FieldKey, plaintext: string, where: FieldContext): Buffer {
  const head = header(key);
  return Buffer.concat([head, seal(key.bytes, plaintext, associatedData(head, where))]);
}

/**
 * Decrypts a blob from `encryptField`. Throws DecryptionError (fails closed) unless it was sealed
 * under exactly this key and version for exactly this place, untampered and complete.
 */
export function decryptField(key: FieldKey, blob: Buffer, where: FieldContext): string {
  const sealedUnder = readFieldHeader(blob);
  if (
    sealedUnder.kind !== key.kind ||
    sealedUnder.id !== key.id.toLowerCase() ||
    sealedUnder.version !== key.version
  ) {
    throw new DecryptionError();
  }
  const head = blob.subarray(0, HEADER_BYTES);
  return open(key.bytes, blob.subarray(HEADER_BYTES), associatedData(head, where)).toString("utf8");
}
