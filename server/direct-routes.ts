import type { IncomingMessage, ServerResponse } from "node:http";
import { checkCustomerConsent } from "@/lib/api/consent-endpoints";
import type { ApiRoute } from "@/lib/api/define-endpoint";

/**
 * The /api/v1 routes the production server answers itself, before Next's router, with the very
 * handler the route file at `app${path}/route.ts` exports (a test holds the two together). Only
 * the calls the platform makes at volume belong here: the consent check before every message.
 */
export const directRoutes: { method: "GET"; path: string; handler: ApiRoute }[] = [
  {
    method: "GET",
    path: "/api/v1/customers/[externalRef]/consents/[purpose]/check",
    handler: checkCustomerConsent,
  },
];

const compiled = directRoutes.map((route) => ({
  ...route,
  pattern: new RegExp(`^${route.path.replace(/\[(\w+)\]/g, "(?<$1>[^/]+)")}$`),
}));

/** The route for this method and path, with its parameters decoded; undefined leaves the request to Next. */
export function matchDirectRoute(
  method: string | undefined,
  pathname: string,
): { handler: ApiRoute; params: Record<string, string> } | undefined {
  for (const route of compiled) {
    if (route.method !== method) continue;
    const groups = route.pattern.exec(pathname)?.groups;
    if (!groups) continue;
    try {
      return {
        handler: route.handler,
        params: Object.fromEntries(
          Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]),
        ),
      };
    } catch {
      return undefined; // a malformed escape: Next answers it as it answers any other
    }
  }
  return undefined;
}

/**
 * Answers the request if a direct route matches; false leaves it to Next. The handler gets a
 * standard Request (method, URL, headers: a GET has no body) and its Response is written as is.
 */
export async function answerDirectRoute(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const target = req.url ?? "/";
  const query = target.indexOf("?");
  const match = matchDirectRoute(req.method, query < 0 ? target : target.slice(0, query));
  if (!match) return false;
  let request: Request;
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    request = new Request(new URL(target, `http://${req.headers.host ?? "localhost"}`), {
      method: req.method,
      headers,
    });
  } catch {
    return false; // a Host or header the URL and Headers classes refuse: Next answers it
  }
  // The endpoint wrapper answers every failure itself, as a problem; the server's own catch is the last resort.
  await writeResponse(res, await match.handler(request, { params: Promise.resolve(match.params) }));
  return true;
}

export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}
