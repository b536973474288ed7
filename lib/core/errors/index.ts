/** The one set of errors a user may see. Each code has a localised message `errors.<code>`. */
export const errorCodes = [
  "unauthenticated",
  "forbidden",
  "notFound",
  "conflict",
  "invalid",
  "rateLimited",
  "locked",
  "chainBroken",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

const httpStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  invalid: 422,
  rateLimited: 429,
  locked: 423,
  chainBroken: 409,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Field name → message key, for errors that belong next to an input. */
    readonly fieldErrors?: Record<string, string>,
    /** A more precise message key (`errors.<key>`) than the code's own, saying why. */
    readonly messageKey?: string,
    /** Values the message and the field messages interpolate (ids, names of organisations, numbers; never personal data). */
    readonly messageValues?: Record<string, string | number>,
  ) {
    super(code);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatus[this.code];
  }
}
