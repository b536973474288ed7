import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { DecryptionError } from "@/lib/core/crypto/errors";

// Blob layout: version (1) | nonce (12) | ciphertext (n) | tag (16).
const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES;
const CIPHER = "aes-256-gcm";

// Nonces are public but must never repeat under one key: 96 random bits each, drawn from the
// CSPRNG in batches because one randomBytes call per encryption costs more than the AES itself.
// A spent pool is replaced, never refilled in place, so no handed-out nonce can change.
const NONCES_PER_POOL = 1024;
let noncePool = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > noncePool.length) {
    noncePool = randomBytes(NONCE_BYTES * NONCES_PER_POOL);
    nonceOffset = 0;
  }
  const nonce = noncePool.subarray(nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new RangeError(`AES-256-GCM key must be exactly ${KEY_BYTES} bytes`);
  }
}

// The version byte is authenticated along with the caller's AAD so that a
// future format cannot be downgraded by flipping the header.
function associatedData(version: number, aad: string): Buffer {
  return Buffer.concat([Buffer.of(version), Buffer.from(aad, "utf8")]);
}

/**
 * Encrypts with AES-256-GCM under a fresh random nonce. `aad` binds the blob
 * to its context (e.g. table, column and row id) so it cannot be moved elsewhere.
 */
export function seal(key: Buffer, plaintext: string | Buffer, aad: string): Buffer {
  assertKey(key);
  const nonce = freshNonce();
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(FORMAT_VERSION, aad));
  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([Buffer.of(FORMAT_VERSION), nonce, ciphertext, cipher.getAuthTag()]);
}

/**
 * Decrypts a blob produced by `seal`. Throws `DecryptionError` unless the blob
 * authenticates under exactly this key and AAD; never returns unverified bytes.
 */
export function open(key: Buffer, blob: Buffer, aad: string): Buffer {
  assertKey(key);
  if (!Buffer.isBuffer(blob) || blob.length < HEADER_BYTES + TAG_BYTES) {
    throw new DecryptionError();
  }
  const version = blob[0];
  if (version !== FORMAT_VERSION) throw new DecryptionError();

  const nonce = blob.subarray(1, HEADER_BYTES);
  const ciphertext = blob.subarray(HEADER_BYTES, blob.length - TAG_BYTES);
  const tag = blob.subarray(blob.length - TAG_BYTES);
  try {
    // authTagLength pins the tag size; without it Node accepts truncated tags.
    const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(version, aad));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (cause) {
    throw new DecryptionError({ cause });
  }
}
