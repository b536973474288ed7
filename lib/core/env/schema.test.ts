import { describe, expect, it } from "vitest";
import { generateSecrets } from "./dev-secrets";
import { parseEnv } from "./schema";

const valid = () => ({ ...generateSecrets(), DATABASE_URL: "postgres://u@127.0.0.1:5432/db" });

describe("parseEnv", () => {
  it("accepts generated secrets and fills defaults", () => {
    expect(parseEnv(valid())).toMatchObject({ NODE_ENV: "development", WORKER_IN_SERVER: "true" });
  });

  it("trusts no proxy unless told how many are in front", () => {
    expect(parseEnv(valid()).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...valid(), TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
  });

  it("sizes the pool and the worker from the environment, today's behaviour by default", () => {
    expect(parseEnv(valid())).toMatchObject({ DATABASE_POOL_MAX: 10, WORKER_CONCURRENCY: 1 });
    expect(
      parseEnv({ ...valid(), DATABASE_POOL_MAX: "40", WORKER_CONCURRENCY: "4" }),
    ).toMatchObject({ DATABASE_POOL_MAX: 40, WORKER_CONCURRENCY: 4 });
  });

  it.each([
    ["DATABASE_URL", undefined],
    ["DATABASE_URL", "mysql://x@y/z"],
    ["MASTER_KEY", Buffer.alloc(16).toString("base64")],
    ["NEXTAUTH_SECRET", "short"],
    ["AUDIT_SIGNING_KEY", Buffer.from("not a key").toString("base64")],
    ["DATABASE_APP_PASSWORD", ""],
    ["TRUSTED_PROXY_HOPS", "-1"],
    ["DATABASE_POOL_MAX", "0"],
    ["DATABASE_POOL_MAX", "ten"],
    ["WORKER_CONCURRENCY", "0"],
    ["WORKER_CONCURRENCY", "1.5"],
  ])("refuses a bad %s and names it", (name, value) => {
    expect(() => parseEnv({ ...valid(), [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
