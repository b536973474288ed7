import type { Pool, PoolClient } from "pg";
import { log } from "@/lib/core/log/logger";

const watched = new WeakSet<object>();

/**
 * A connection the server drops (restart, failover, an administrator's terminate) makes its pg
 * client emit "error". pg's pool listens only while the client is idle and then re-emits on the
 * pool; a client checked out at that moment (a transaction waiting on other work, a LISTEN) has
 * no listener, so the error became an uncaughtException that stopped the process. Every client
 * gets a listener of its own here, which logs the loss once per connection (code only, see
 * lib/core/log); the pool's own re-emission is then only acknowledged. The pool replaces the
 * connection at the next checkout, and the checked-out one's query fails as usual.
 */
export function watchPoolErrors(pool: Pool, poolName: string): void {
  pool.on("error", () => {});
  pool.on("connect", (client: PoolClient) => {
    if (watched.has(client)) return;
    watched.add(client);
    let logged = false;
    client.on("error", (error) => {
      if (logged) return;
      logged = true;
      log.warn({ err: error, event: poolName }, "database connection lost");
    });
  });
}
