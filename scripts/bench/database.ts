/**
 * A fresh, uniquely named, migrated database for one benchmark run, on DATABASE_URL's server (or
 * a throw-away embedded server when unset), with secrets generated for the run. Dropped at the
 * end, on failure and on Ctrl-C.
 */
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "@/tests/fresh-database";

export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function benchDatabase(): Promise<BenchDatabase> {
  const { POSTGRES_PASSWORD: _unused, ...secrets } = generateSecrets();
  const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
  // The app modules read the environment on first use, which comes after this.
  Object.assign(process.env, secrets, {
    DATABASE_URL: database.url,
    NODE_ENV: "production",
    WORKER_IN_SERVER: "false",
  });
  let dropped: Promise<void> | undefined;
  const drop = () =>
    (dropped ??= database.drop().then(() => console.log("Benchmark database dropped.")));
  const interrupted = () => {
    console.error("\nInterrupted: dropping the benchmark database…");
    drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  return { url: database.url, drop };
}

/**
 * Runs one benchmark in a database of its own: `measure` gets the owner connection's URL; the
 * application's pool is closed and the database dropped afterwards, whatever happened.
 */
export async function inBenchDatabase<T>(measure: (ownerUrl: string) => Promise<T>): Promise<T> {
  const database = await benchDatabase();
  try {
    return await measure(database.url);
  } finally {
    const { closeAppDb } = await import("@/db/client");
    await closeAppDb();
    await database.drop();
  }
}

/** A `--name` value as a whole number of at least `min` (underscores allowed: 1_000_000). */
export function wholeNumber(name: string, value: string, min: number): number {
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} needs a whole number of at least ${min}`);
  return n;
}
