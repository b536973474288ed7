import "server-only";
import { parseEnv, type Env } from "./schema";

let cached: Env | undefined;

/** The validated environment; throws naming the variable when one is missing or malformed. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
