import "server-only";
import { open, seal } from "@/lib/core/crypto/aead";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { env } from "@/lib/core/env";

/**
 * Holds the master key and wraps/unwraps organisation keys with it. The key never leaves the
 * provider, so a KMS (wrap = Encrypt, unwrap = Decrypt with an encryption context) can replace
 * the environment key behind this interface. `unwrap` throws DecryptionError on any mismatch.
 */
export interface KeyProvider {
  /** Names the master key without revealing it, so stored keys can say what wrapped them. */
  readonly keyId: string;
  wrap(plain: Buffer, aad: string): Promise<Buffer>;
  unwrap(wrapped: Buffer, aad: string): Promise<Buffer>;
}

/** The master key from the environment (MASTER_KEY, base64, 32 bytes). */
export class EnvKeyProvider implements KeyProvider {
  readonly keyId: string;
  readonly #wrappingKey: Buffer;

  constructor(masterKey: Buffer) {
    // The master also feeds other HKDF purposes (TOTP secrets…), so wrapping uses its own subkey.
    this.#wrappingKey = deriveKey(masterKey, "key-wrap");
    this.keyId = `env:${deriveKey(masterKey, "key-id").subarray(0, 8).toString("hex")}`;
  }

  async wrap(plain: Buffer, aad: string): Promise<Buffer> {
    return seal(this.#wrappingKey, plain, aad);
  }

  async unwrap(wrapped: Buffer, aad: string): Promise<Buffer> {
    return open(this.#wrappingKey, wrapped, aad);
  }
}

let provider: KeyProvider | undefined;

/** The process's master key provider. */
export function masterKeyProvider(): KeyProvider {
  provider ??= new EnvKeyProvider(Buffer.from(env().MASTER_KEY, "base64"));
  return provider;
}
