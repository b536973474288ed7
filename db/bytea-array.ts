import { sql, type SQL } from "drizzle-orm";

const BYTEA_OID = 17;
const NULL_LENGTH = -1;

/**
 * A `bytea[]` parameter in PostgreSQL's binary array format (what `array_send` writes), so the
 * bytes travel as they are. node-postgres would send a JS array as text instead: every byte as two
 * hex digits inside a quoted, escaped array literal, which the server then parses back. For the
 * batches of ciphertexts and blind indexes the vault writes, that text was most of what went over
 * the socket. Null entries stay NULL.
 */
export function byteaArray(values: ReadonlyArray<Buffer | null>): SQL {
  return sql`${sql.param(encodeByteaArray(values))}::bytea[]`;
}

/** The binary form: dimensions, has-nulls flag, element type, (size, lower bound), then each element as length and bytes. */
export function encodeByteaArray(values: ReadonlyArray<Buffer | null>): Buffer {
  const dimensions = values.length === 0 ? 0 : 1;
  let size = 12 + dimensions * 8;
  for (const value of values) size += 4 + (value?.length ?? 0);
  const out = Buffer.allocUnsafe(size);
  let offset = out.writeInt32BE(dimensions, 0);
  offset = out.writeInt32BE(values.includes(null) ? 1 : 0, offset);
  offset = out.writeInt32BE(BYTEA_OID, offset);
  if (dimensions === 1) {
    offset = out.writeInt32BE(values.length, offset);
    offset = out.writeInt32BE(1, offset);
  }
  for (const value of values) {
    offset = out.writeInt32BE(value === null ? NULL_LENGTH : value.length, offset);
    if (value !== null) offset += value.copy(out, offset);
  }
  return out;
}
