import { rmSync } from "node:fs";
import { RUN_STATE_DIR } from "./run-state";

/** Each run starts on a fresh database: sessions and TOTP secrets from an earlier run are void. */
export default function globalSetup() {
  rmSync(RUN_STATE_DIR, { recursive: true, force: true });
}
