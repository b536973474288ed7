import { z } from "zod";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { apiSecurityHeaders } from "@/lib/core/http/security-headers";
import { problemBody, problemTypes, type ProblemCode } from "./problem-types";

export {
  problemBody,
  problemType,
  problemTypes,
  RETRY_AFTER_SECONDS,
  type ProblemCode,
} from "./problem-types";

export const itemError = z.object({
  index: z.int().min(0).meta({
    description: "Position of the item in `items` (0-based); -1 for the request as a whole.",
  }),
  field: z.string().meta({ description: "Dotted path of the failing field within the item." }),
  code: z.string().meta({
    description:
      "Stable machine-readable reason, e.g. required, tooLong, phoneFormat, unknown_reference.",
  }),
  message: z.string(),
});
export type ItemError = z.infer<typeof itemError>;

export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: "URN of the problem type, e.g. urn:privacy-desk:problem:validation." }),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(itemError).optional(),
  })
  .meta({ id: "Problem" });

/** A request refused with a problem: thrown anywhere inside an endpoint, answered by the wrapper. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: ItemError[],
    readonly headers?: Record<string, string>,
  ) {
    super(code);
    this.name = "ApiProblem";
  }
}

/** Every /api/v1 answer: the body as JSON, with the API's security headers. */
export function apiResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json",
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...apiSecurityHeaders(useSecureCookies), "Content-Type": contentType, ...headers },
  });
}

/** The problem's status and body, for an endpoint that returns it rather than throws (its writes must commit). */
export function problemAnswer(
  code: ProblemCode,
  detail?: string,
  errors?: ItemError[],
): { status: number; body: z.infer<typeof problemSchema> } {
  return {
    status: problemTypes[code].status,
    body: { ...problemBody(code, detail), ...(errors ? { errors } : {}) },
  };
}

/** Whether a body is a problem (an endpoint may return one whose transaction must still commit). */
export const isProblemBody = (body: unknown): boolean =>
  typeof body === "object" &&
  body !== null &&
  String((body as { type?: unknown }).type).startsWith("urn:privacy-desk:problem:");

export function problemResponse(
  code: ProblemCode,
  detail?: string,
  errors?: ItemError[],
  headers: Record<string, string> = {},
): Response {
  const { status, body } = problemAnswer(code, detail, errors);
  return apiResponse(status, body, headers, "application/problem+json");
}
