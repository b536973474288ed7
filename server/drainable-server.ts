import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Server as NetServer } from "node:net";
import { problemBody, RETRY_AFTER_SECONDS } from "@/lib/api/problem-types";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface DrainableServer {
  server: Server;
  /**
   * Stops taking new connections, answers any new request on an open one with a retryable 503,
   * lets the requests in flight finish (closing each connection after its answer), and after
   * `graceMs` drops whatever is still open. Resolves when no connection is left.
   */
  drain: (graceMs: number) => Promise<void>;
}

/** A request that arrives while the server stops: 503 with Retry-After, problem+json for the API. */
function refuse(req: IncomingMessage, res: ServerResponse) {
  const api = req.url?.startsWith("/api/") ?? false;
  const body = api
    ? JSON.stringify(problemBody("unavailable", "The server is restarting. Retry the request."))
    : "服务器正在重启，请稍后重试。 The server is restarting; try again shortly.";
  res.writeHead(503, {
    "Content-Type": api ? "application/problem+json" : "text/plain; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body);
}

/**
 * A node:http server that stops without failing a request: SIGTERM during a batch upload ends
 * with the batch stored and answered, or refused with a 503 the client retries, never a reset.
 */
export function createDrainableServer(handle: Handler): DrainableServer {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (draining) return refuse(req, res);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    handle(req, res);
  });
  const drain = async (graceMs: number) => {
    draining = true;
    // Answers still being written close their connection when done.
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    // Stop listening, but not as http.Server#close does, which also drops idle keep-alive
    // connections at once: a client may have a request on the wire on one of them, and would see
    // a reset. Left open, such a request gets the 503 above (and Connection: close); connections
    // nobody uses end at the keep-alive timeout, and the grace bounds everything.
    const closed = new Promise<void>((resolve) =>
      NetServer.prototype.close.call(server, () => resolve()),
    );
    const stragglers = setTimeout(() => server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(stragglers);
  };
  return { server, drain };
}
