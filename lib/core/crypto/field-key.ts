import "server-only";

/** What a field key belongs to: an organisation's own key, or one data subject's data key. */
export const fieldKeyKinds = { org: 1, data: 2 } as const;
export type FieldKeyKind = keyof typeof fieldKeyKinds;

export interface FieldKeyIdentity {
  orgId: string;
  kind: FieldKeyKind;
  /** org id for org keys, subject id for data keys (a uuid either way). */
  id: string;
  version: number;
}

/**
 * An unwrapped 32-byte key with the identity every ciphertext records. The key bytes live in a
 * private field, so console.log, util.inspect and JSON.stringify of a FieldKey never show them.
 */
export class FieldKey implements FieldKeyIdentity {
  readonly orgId: string;
  readonly kind: FieldKeyKind;
  readonly id: string;
  readonly version: number;
  readonly #bytes: Buffer;

  constructor(identity: FieldKeyIdentity, bytes: Buffer) {
    if (bytes.length !== 32) throw new RangeError("a field key must be 32 bytes");
    if (
      !Number.isInteger(identity.version) ||
      identity.version < 1 ||
      identity.version > 0xffffffff
    ) {
      throw new RangeError("a field key version must be a positive 32-bit integer");
    }
    ({ orgId: this.orgId, kind: this.kind, id: this.id, version: this.version } = identity);
    this.#bytes = bytes;
  }

  /** The raw key, for AES-GCM and HKDF only. */
  get bytes(): Buffer {
    return this.#bytes;
  }
}
