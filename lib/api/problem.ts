import { z } from "zod";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { apiSecurityHeaders } from "@/lib/core/http/security-headers";

/**
 * RFC 9457 problem details for /api/v1. `type` is a URN naming the problem, so it stays stable
 * whichever host serves the API; `code` inside each item error is stable too.
 */
export const problemTypes = {
  malformed: { status: 400, title: "Malformed request" },
  unauthenticated: { status: 401, title: "Missing or invalid API key" },
  forbidden: { status: 403, title: "The API key lacks the required scope" },
  notFound: { status: 404, title: "Not found" },
  methodNotAllowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  tooLarge: { status: 413, title: "Request too large" },
  unsupportedMediaType: { status: 415, title: "Unsupported media type" },
  validation: { status: 422, title: "Validation failed" },
  idempotencyMismatch: { status: 422, title: "Idempotency key reused with a different request" },
  rateLimited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal error" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const;
export type ProblemCode = keyof typeof problemTypes;

export const problemType = (code: ProblemCode) => `urn:privacy-desk:problem:${code.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const itemError = z.object({
  index: z.int().min(0).meta({ description: "Position of the item in `items` (0-based); -1 for the request as a whole." }),
  field: z.string().meta({ description: "Dotted path of the failing field within the item." }),
  code: z.string().meta({ description: "Stable machine-readable reason, e.g. required, tooLong, phoneFormat, unknown_reference." }),
  message: z.string(),
});
export type ItemError = z.infer<typeof itemError>;

export const problemSchema = z.object({
  type: z.string().meta({ description: "URN of the problem type, e.g. urn:privacy-desk:problem:validation." }),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  errors: z.array(itemError).optional(),
}).meta({ id: "Problem" });

/** A request refused with a problem: thrown anywhere inside an endpoint, answered by the wrapper. */
export class ApiProblem extends Error {
  constructor(readonly code: ProblemCode, readonly detail?: string, readonly errors?: ItemError[], readonly headers?: Record<string, string>) {
    super(code);
    this.name = "ApiProblem";
  }
}

/** Every /api/v1 answer: the body as JSON, with the API's security headers. */
export function apiResponse(status: number, body: unknown, headers: Record<string, string> = {}, contentType = "application/json"): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...apiSecurityHeaders(useSecureCookies), "Content-Type": contentType, ...headers } });
}

export function problemResponse(code: ProblemCode, detail?: string, errors?: ItemError[], headers: Record<string, string> = {}): Response {
  const { status, title } = problemTypes[code];
  const body = { type: problemType(code), title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
  return apiResponse(status, body, headers, "application/problem+json");
}
