import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { DecryptionError } from "@/lib/core/crypto/errors";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { env } from "@/lib/core/env";

/**
 * Holds the master key and wraps/unwraps organisation keys with it. The key never leaves the
 * provider, so a KMS (wrap = Encrypt, unwrap = Decrypt with an encryption context) can replace
 * the environment key behind this interface. `unwrap` throws DecryptionError on any mismatch.
 */
export interface KeyProvider {
  /** Names the master key that wraps now, without revealing it; stored beside what it wrapped. */
  readonly keyId: string;
  /** Older master keys this provider can still unwrap with (during a master key rotation). */
  readonly previousKeyIds: readonly string[];
  wrap(plain: Buffer, aad: string): Promise<Buffer>;
  /** Unwraps with the master key `wrappedBy` names (KeyProvider.keyId when it was wrapped). */
  unwrap(wrapped: Buffer, aad: string, wrappedBy?: string): Promise<Buffer>;
}

/** Rows written before keys recorded their wrapper say this; they were wrapped by some env key. */
export const LEGACY_WRAPPER = "env:legacy";

/** The id a master key is known by: `env:` and 8 bytes of a one-way derivation, never the key. */
export const envKeyId = (masterKey: Buffer) =>
  `env:${deriveKey(masterKey, "key-id").subarray(0, 8).toString("hex")}`;

/**
 * The master key from the environment (MASTER_KEY, base64, 32 bytes), and during a master key
 * rotation the one it replaces (MASTER_KEY_PREVIOUS), used only to unwrap what it wrapped.
 */
export class EnvKeyProvider implements KeyProvider {
  readonly keyId: string;
  readonly previousKeyIds: readonly string[];
  // The master also feeds other HKDF purposes (TOTP secrets…), so wrapping uses its own subkey.
  readonly #wrappingKeys: ReadonlyMap<string, Buffer>;

  constructor(masterKey: Buffer, previousMasterKey?: Buffer) {
    this.keyId = envKeyId(masterKey);
    const keys = new Map([[this.keyId, deriveKey(masterKey, "key-wrap")]]);
    if (previousMasterKey)
      keys.set(envKeyId(previousMasterKey), deriveKey(previousMasterKey, "key-wrap"));
    this.previousKeyIds = [...keys.keys()].filter((id) => id !== this.keyId);
    this.#wrappingKeys = keys;
  }

  async wrap(plain: Buffer, aad: string): Promise<Buffer> {
    return seal(this.#wrappingKeys.get(this.keyId)!, plain, aad);
  }

  async unwrap(wrapped: Buffer, aad: string, wrappedBy: string = this.keyId): Promise<Buffer> {
    if (wrappedBy !== LEGACY_WRAPPER) {
      const key = this.#wrappingKeys.get(wrappedBy);
      if (!key) throw new DecryptionError();
      return open(key, wrapped, aad);
    }
    // A legacy row names no key: the current one, else the previous one, must open it.
    for (const key of this.#wrappingKeys.values()) {
      try {
        return open(key, wrapped, aad);
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
      }
    }
    throw new DecryptionError();
  }
}

/** The master key bytes: current, and the previous one while a master key rotation is under way. */
export function masterKeys(): { current: Buffer; previous?: Buffer } {
  const { MASTER_KEY, MASTER_KEY_PREVIOUS } = env();
  return {
    current: Buffer.from(MASTER_KEY, "base64"),
    previous: MASTER_KEY_PREVIOUS ? Buffer.from(MASTER_KEY_PREVIOUS, "base64") : undefined,
  };
}

let provider: { source: string; provider: KeyProvider } | undefined;

/** The process's master key provider (rebuilt if the configured keys change). */
export function masterKeyProvider(): KeyProvider {
  const { MASTER_KEY, MASTER_KEY_PREVIOUS } = env();
  const source = `${MASTER_KEY}\n${MASTER_KEY_PREVIOUS ?? ""}`;
  if (provider?.source !== source) {
    const { current, previous } = masterKeys();
    provider = { source, provider: new EnvKeyProvider(current, previous) };
  }
  return provider.provider;
}
