import { z } from "zod";

const base64Key = (bytes: number) =>
  z
    .string()
    .refine(
      (v) => Buffer.from(v, "base64").length === bytes,
      `must be ${bytes} bytes, base64-encoded`,
    );

/** Every environment variable the server reads. `.env.example` documents each of them. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).describe("owner connection (migrations)"),
    DATABASE_APP_PASSWORD: z.string().min(16),
    NEXTAUTH_SECRET: z.string().min(32),
    NEXTAUTH_URL: z.url().optional(),
    MASTER_KEY: base64Key(32),
    /** Only during a master key rotation: the key MASTER_KEY replaces, to unwrap what it wrapped. */
    MASTER_KEY_PREVIOUS: z.preprocess((v) => (v === "" ? undefined : v), base64Key(32).optional()),
    AUDIT_SIGNING_KEY: z
      .string()
      .refine(
        (v) => Buffer.from(v, "base64").toString("utf8").includes("PRIVATE KEY"),
        "must be a base64 PEM Ed25519 private key",
      ),
    WORKER_IN_SERVER: z.enum(["true", "false"]).default("true"),
    /** On SIGTERM/SIGINT, how long requests in flight may take to finish before their connections are dropped. */
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Connections each process keeps to PostgreSQL (the application role's pool). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /** Jobs of one queue a worker runs at once (pg-boss pollers per queue; each holds a connection while it runs). */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
    /** Outgoing mail (one-time codes): smtp(s)://user:pass@host:port. Unset: emails wait in the outbox. */
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^smtps?$/ }).optional(),
    ),
    SMTP_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(3).optional()),
    /**
     * The erasure ledger (lib/customers/erasure-ledger.ts): a signed, append-only file of erased
     * customers' ids, kept OFF the database's disk so a restore from an older backup erases them
     * again. Default PD_DATA_DIR/erasure-ledger.jsonl; with several workers, shared storage.
     */
    ERASURE_LEDGER_PATH: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
    /** Bearer token Prometheus presents at /api/metrics; unset, the endpoint answers 404. */
    METRICS_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32).optional()),
    /** Level of the JSON logs on stdout (lib/core/log/logger.ts); debug adds a line per request. */
    LOG_LEVEL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    /** Development only: the console's outbox page shows decrypted message bodies (one-time codes). */
    OUTBOX_SHOW_BODIES: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(["true", "false"]).default("false"),
    ),
  })
  .superRefine((env, ctx) => {
    // A production server that others can reach never shows codes; a loopback demo (the embedded
    // launcher, the e2e server: both `next start`) may.
    const loopback = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(
      env.NEXTAUTH_URL ?? "",
    );
    if (env.OUTBOX_SHOW_BODIES === "true" && env.NODE_ENV === "production" && !loopback) {
      ctx.addIssue({
        code: "custom",
        path: ["OUTBOX_SHOW_BODIES"],
        message:
          "is for development only: refused in production unless NEXTAUTH_URL is a loopback http:// address",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment, naming every missing or malformed variable in one message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(
    `Invalid environment — fix these variables (see .env.example):\n${lines.join("\n")}`,
  );
}
