import type { IncomingMessage, ServerResponse } from "node:http";
import { log } from "@/lib/core/log/logger";
import { requestIdFrom, withRequestContext } from "@/lib/core/log/request-context";
import { metrics } from "@/lib/core/metrics/registry";

/**
 * Gives every request an id (the caller's X-Request-Id when it is a plain token, else a new one),
 * returned in X-Request-Id and carried by every log line written while it is answered; when its
 * answer ends, times it into pd_http_request_duration_seconds under its route's name and logs it:
 * a line per request at debug, a server error at warn. A request whose connection closed before
 * its answer was complete counts with status 499 (nginx's "client closed request").
 */
export function observeRequests(
  nameRoute: (pathname: string) => string,
  observed: () => void = () => {},
) {
  return (req: IncomingMessage, res: ServerResponse, handle: () => void) => {
    const reqId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", reqId);
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = nameRoute(new URL(req.url ?? "/", "http://local").pathname);
      const status = res.writableFinished ? res.statusCode : 499;
      const method = req.method ?? "GET";
      metrics().requestDuration.observe({ route, method, status: String(status) }, seconds);
      const fields = { reqId, route, method, status, durationMs: Math.round(seconds * 1000) };
      if (status >= 500) log.warn(fields, "request answered with a server error");
      else log.debug(fields, "request");
      observed();
    });
    withRequestContext({ reqId }, handle);
  };
}
