import { rmSync } from "node:fs";

/** Each run starts on a fresh database: sessions and TOTP secrets from an earlier run are void. */
export default function globalSetup() {
  rmSync("test-results/.auth", { recursive: true, force: true });
  rmSync("test-results/e2e-totp.json", { force: true });
}
