import type { IncomingMessage, ServerResponse } from "node:http";
import { createDrainableServer } from "./drainable-server";
import { log } from "@/lib/core/log/logger";

export interface ProductionServer {
  /** Next's handler alone, without the direct routes: for the test that both answer alike. */
  handleWithNext: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /**
   * Stops accepting connections, lets the requests in flight finish (up to `graceMs`, default
   * SHUTDOWN_GRACE_SECONDS) while refusing new ones with a 503, then stops Next, the worker
   * (after its current job) and the pool.
   */
  close: (graceMs?: number) => Promise<void>;
}

interface Options {
  port: number;
  /** The address to listen on; every interface when omitted (as `next start`). */
  hostname?: string;
}

/**
 * The production server (`npm start`, the e2e and bench servers): Next's own request handler
 * for everything, except the routes of direct-routes.ts, which it answers first with the same
 * handlers their route files export. Next's routing layer was about half of the server's CPU per
 * consent check, the call the platform makes before every message. Serves the build in the
 * working directory. `next dev` has no such shortcut: the route files answer there. Every request
 * Next answers carries the connection's address in a header only this server writes
 * (peer-address.ts), the client address the throttles start from (lib/core/auth/client-ip.ts).
 * A body over its path's limit is refused first, before anything reads it (body-limits.ts).
 */
export async function startProductionServer({
  port,
  hostname,
}: Options): Promise<ProductionServer> {
  // Before Next and the application are loaded: both read it once.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { default: next } = await import("next");
  const app = next({ dev: false, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { answerDirectRoute } = await import("./direct-routes");
  const { stampPeerAddress } = await import("./peer-address");
  const { limitRequestBody } = await import("./body-limits");
  const handleWithNext = (req: IncomingMessage, res: ServerResponse) => {
    stampPeerAddress(req);
    return handle(req, res);
  };
  // The worker (started by instrumentation.ts) and the pool are one per process (globalThis), so
  // these stop the ones Next's copy of the application started too.
  const { stopWorker } = await import("@/lib/core/jobs/worker");
  const { closeAppDb } = await import("@/db/client");
  const { env } = await import("@/lib/core/env");

  const { observeRequests } = await import("./request-observer");
  const { routeNamer } = await import("./route-names");
  const observe = observeRequests(routeNamer());

  const { server, drain } = createDrainableServer((req, res) =>
    observe(req, res, () => {
      if (limitRequestBody(req, res)) return;
      answerDirectRoute(req, res)
        .then((answered) => (answered ? undefined : handleWithNext(req, res)))
        .catch((error: Error) => {
          log.error({ err: error }, "request failed");
          if (!res.headersSent) res.writeHead(500).end();
        });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });

  return {
    handleWithNext,
    close: async (graceMs = env().SHUTDOWN_GRACE_SECONDS * 1000) => {
      await drain(graceMs);
      await app.close();
      await stopWorker();
      await closeAppDb();
    },
  };
}
