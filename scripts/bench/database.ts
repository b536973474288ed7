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
