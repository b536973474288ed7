import { z } from "zod";

/** Form fields arrive as strings; an empty (or blank) one means "not given". */
export const blank = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** A field that may be left empty: empty is `undefined`, anything else must pass `schema`. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** Text that must be given (trimmed, at least one character), at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
