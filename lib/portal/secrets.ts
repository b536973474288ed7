import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/lib/core/crypto/kdf";
import { masterKeys } from "@/lib/core/crypto/key-provider";

/** HMAC-SHA256 (base64url) under a key derived from the master key for one portal purpose. */
export function portalMac(purpose: "portal-code" | "portal-session", message: string): string {
  return createHmac("sha256", deriveKey(masterKeys().current, purpose))
    .update(message, "utf8")
    .digest("base64url");
}

/** Constant-time comparison of two MACs. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
