import { z } from "zod";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { apiSecurityHeaders } from "@/lib/core/http/security-headers";
import { problemBody, problemTypes, type ProblemCode } from "./problem-types";

export { problemBody, problemType, problemTypes, RETRY_AFTER_SECONDS, type ProblemCode } from "./problem-types";

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
  return apiResponse(problemTypes[code].status, { ...problemBody(code, detail), ...(errors ? { errors } : {}) }, headers, "application/problem+json");
}
