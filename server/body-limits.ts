import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { problemResponse } from "@/lib/api/problem";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/core/i18n/locale";
import { MAX_FILE_BYTES } from "@/lib/imports/csv-file";
import enErrors from "@/messages/en/errors.json";
import zhErrors from "@/messages/zh-CN/errors.json";
import { writeResponse } from "./direct-routes";

/**
 * The largest body a console request may carry: a server action, whose largest is the CSV
 * import's file (MAX_FILE_BYTES) plus its form fields and multipart framing. next.config.mjs
 * gives Next's own limit (`serverActions.bodySizeLimit`, `proxyClientMaxBodySize`) as the same
 * "11mb"; a test holds the two together.
 */
export const SERVER_ACTION_MAX_BYTES = MAX_FILE_BYTES + 1024 * 1024;

/** The limit for a request's path: the API's JSON bodies (lib/api/body.ts), or a console action. */
export const bodyLimitFor = (path: string) =>
  path.startsWith("/api/") ? MAX_BODY_BYTES : SERVER_ACTION_MAX_BYTES;

/** How long the rest of a refused body is received (and dropped) before the connection is cut. */
const DISCARD_MS = 5_000;

const consoleMessage = { "zh-CN": zhErrors.requestTooLarge, en: enErrors.requestTooLarge };

/** 413 before anything is read: problem+json with the API's headers, or a one-line message in the person's language. */
async function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  limit: number,
): Promise<void> {
  res.setHeader("Connection", "close");
  if (path.startsWith("/api/")) {
    await writeResponse(
      res,
      problemResponse("tooLarge", `The body may be at most ${limit} bytes.`),
    );
  } else {
    const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(
      req.headers.cookie ?? "",
    )?.[1];
    const locale = resolveLocale(cookie, req.headers["accept-language"] ?? null);
    res.writeHead(413, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Language": locale,
      "Cache-Control": "no-store",
    });
    res.end(consoleMessage[locale]);
  }
  // The rest of the body is discarded as it arrives (the client reads the answer only once it has
  // sent everything; closing at once would reset the connection under it), for DISCARD_MS at most.
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  cutOff.unref();
  req.socket.once("close", () => clearTimeout(cutOff));
}

/**
 * Refuses a body over its path's limit before the application reads it: at once from a declared
 * Content-Length, or, for a streamed (chunked) body, as soon as the bytes received pass the limit;
 * the application receives nothing past the limit, and the answer is the 413. True when refused at once.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? "/").split("?")[0];
  const limit = bodyLimitFor(path);
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    void refuse(req, res, path, limit);
    req.resume();
    return true;
  }
  if (req.headers["transfer-encoding"] === undefined) return false; // a declared length the parser enforces
  // node:http's parser hands each chunk of the body to the request's push(): counted here.
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) return push(chunk, encoding);
    received += (chunk as Buffer).byteLength;
    if (received <= limit) return push(chunk, encoding);
    // From here on the application reads nothing more (its body never ends; the connection's
    // close aborts it), and the parser keeps reading so that the rest is dropped.
    req.push = () => true;
    if (!res.headersSent) void refuse(req, res, path, limit);
    return true;
  };
  return false;
}
