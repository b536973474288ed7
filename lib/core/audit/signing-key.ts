import "server-only";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { env } from "@/lib/core/env";
import { keyIdOf, publicKeyFingerprint } from "./checkpoint-signature";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  keyId: string;
  fingerprint: string;
}

let cached: { source: string; key: SigningKey } | undefined;

/** The deployment's Ed25519 checkpoint key, from AUDIT_SIGNING_KEY (base64 of a PKCS#8 PEM). */
export function auditSigningKey(): SigningKey {
  const source = env().AUDIT_SIGNING_KEY;
  if (cached?.source !== source) cached = { source, key: signingKeyFrom(source) };
  return cached.key;
}

/** A signing key from its AUDIT_SIGNING_KEY form (base64 of a PKCS#8 PEM). */
export function signingKeyFrom(source: string): SigningKey {
  const privateKey = createPrivateKey(Buffer.from(source, "base64").toString("utf8"));
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new Error("AUDIT_SIGNING_KEY must be an Ed25519 key");
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    keyId: keyIdOf(publicKey),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}
