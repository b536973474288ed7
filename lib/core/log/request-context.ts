import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line written while a request is answered carries: its id. */
export interface RequestContext {
  reqId: string;
}

// One store per process, on globalThis: the production server and Next's bundle each load their
// own copy of this module, and a request entered by the one must be seen by the other.
const globalForRequests = globalThis as unknown as {
  pdRequestStore?: AsyncLocalStorage<RequestContext>;
};
const store = (globalForRequests.pdRequestStore ??= new AsyncLocalStorage<RequestContext>());

const CALLER_ID = /^[\w-]{8,64}$/;

/** The caller's X-Request-Id when it is a plain token (a proxy's id carries on), else a new one. */
export function requestIdFrom(header: string | string[] | undefined | null): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && CALLER_ID.test(given) ? given : randomUUID();
}

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return store.run(context, run);
}

export const currentRequest = (): RequestContext | undefined => store.getStore();
