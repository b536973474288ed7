import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "./canonical";

/** Tags the signed bytes so a checkpoint signature can never be replayed as another message. */
export const CHECKPOINT_DOMAIN = "privacy-desk/audit-checkpoint/v1\n";
export const CHECKPOINT_FORMAT = "privacy-desk/audit-checkpoint/v1";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const checkpointPayloadSchema = z.strictObject({
  orgId: z.uuid(),
  seq: z.number().int().nonnegative(),
  hash: hex64,
  signedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type CheckpointPayload = z.infer<typeof checkpointPayloadSchema>;

/** The downloadable, self-describing checkpoint: everything needed to verify it offline. */
export const checkpointDocumentSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  algorithm: z.literal("Ed25519"),
  payload: checkpointPayloadSchema,
  signature: z.base64(),
  keyId: z.string(),
  publicKey: z.string(),
});
export type CheckpointDocument = z.infer<typeof checkpointDocumentSchema>;

export function checkpointSignedBytes(payload: CheckpointPayload): Buffer {
  return Buffer.from(CHECKPOINT_DOMAIN + canonicalJson(payload), "utf8");
}

export function signCheckpoint(payload: CheckpointPayload, privateKey: KeyObject): string {
  return sign(null, checkpointSignedBytes(payload), privateKey).toString("base64");
}

/** SHA-256 of the public key's SPKI DER encoding, hex: what a holder compares out of band. */
export function publicKeyFingerprint(publicKey: KeyObject | string): string {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  return createHash("sha256")
    .update(key.export({ format: "der", type: "spki" }))
    .digest("hex");
}

/** The key id carried in every checkpoint: the first 16 hex characters of the fingerprint. */
export function keyIdOf(publicKey: KeyObject | string): string {
  return publicKeyFingerprint(publicKey).slice(0, 16);
}

export type SignatureVerdict =
  | { valid: true; payload: CheckpointPayload }
  | {
      valid: false;
      reason: "malformed" | "unknownKey" | "badSignature";
      payload?: CheckpointPayload;
    };

/** Accepts the document as parsed JSON or as its text; malformed input is a verdict, not a throw. */
export function parseCheckpointDocument(json: unknown): CheckpointDocument | undefined {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  const parsed = checkpointDocumentSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Verifies a checkpoint with a public key the verifier trusts (never the one inside the
 * document, which whoever altered the document could have replaced as well).
 */
export function verifyCheckpointSignature(json: unknown, publicKeyPem: string): SignatureVerdict {
  const document = parseCheckpointDocument(json);
  if (!document) return { valid: false, reason: "malformed" };
  const { payload } = document;
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return { valid: false, reason: "unknownKey", payload };
  }
  if (key.asymmetricKeyType !== "ed25519" || keyIdOf(key) !== payload.keyId)
    return { valid: false, reason: "unknownKey", payload };
  const ok = verify(
    null,
    checkpointSignedBytes(payload),
    key,
    Buffer.from(document.signature, "base64"),
  );
  return ok ? { valid: true, payload } : { valid: false, reason: "badSignature", payload };
}
