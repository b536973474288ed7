/**
 * What a log may say about an error: its class, its code (SQLSTATE or Node's), the constraint and
 * table a database error names, and where in our code it was thrown. Never its message, detail or
 * anything drizzle or pg attach: drizzle's message quotes the query's parameters (`params: …`),
 * pg's detail quotes the row (`Key (…)=(…)`), and either may hold a secret's hash, a customer's
 * reference, a phone number.
 */
export interface SafeError {
  class: string;
  code?: string;
  constraint?: string;
  table?: string;
  /** Up to five stack frames, each `at fn (file:line:col)`: code locations only. */
  frames?: string[];
}

const NAME = /^[A-Za-z_$][\w$.]{0,79}$/;
const CODE = /^[A-Z0-9_]{2,40}$/i;
// A frame of our stack: `at name (path:line:col)` or `at path:line:col`. A line of a multi-line
// message (drizzle's `params: …`) does not look like this, so it never passes.
const FRAME = /^at (?:[\w$.<>[\] ]{1,120} )?\(?(?:file:\/\/|node:|\/)[\w./@+-]{1,300}:\d+:\d+\)?$/;

type ErrorLike = {
  name?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  cause?: unknown;
  stack?: unknown;
  constructor?: { name?: unknown };
};

const pick = (value: unknown, pattern: RegExp) =>
  typeof value === "string" && pattern.test(value) ? value : undefined;

export function safeError(error: unknown): SafeError {
  if (typeof error !== "object" || error === null) return { class: typeof error };
  const e = error as ErrorLike;
  const cause = (typeof e.cause === "object" && e.cause !== null ? e.cause : {}) as ErrorLike;
  const safe: SafeError = {
    class: pick(e.constructor?.name, NAME) ?? pick(e.name, NAME) ?? "Object",
  };
  const code = pick(e.code, CODE) ?? pick(cause.code, CODE);
  const constraint = pick(e.constraint, NAME) ?? pick(cause.constraint, NAME);
  const table = pick(e.table, NAME) ?? pick(cause.table, NAME);
  if (code) safe.code = code;
  if (constraint) safe.constraint = constraint;
  if (table) safe.table = table;
  const frames =
    typeof e.stack === "string"
      ? e.stack
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => FRAME.test(line))
          .slice(0, 5)
      : [];
  if (frames.length > 0) safe.frames = frames;
  return safe;
}
