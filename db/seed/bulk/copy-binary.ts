/**
 * PostgreSQL's binary COPY format, written straight into a buffer from drizzle tables (column
 * names and types come from the schema). Half the bytes of text COPY for ciphertext (no hex),
 * nothing for the server to parse, and a buffer a worker can hand over without copying.
 */
import { getTableColumns, getTableName, type Table } from "drizzle-orm";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TEXT_OID = 25;

type Kind = "uuid" | "text" | "bytea" | "integer" | "boolean" | "timestamp" | "text[]";

function kindOf(sqlType: string): Kind {
  if (sqlType.startsWith("timestamp")) return "timestamp";
  if (["uuid", "text", "bytea", "integer", "boolean", "text[]"].includes(sqlType))
    return sqlType as Kind;
  throw new Error(`binary COPY: unsupported column type ${sqlType}`);
}

/** Rows of one table in binary COPY format, for the given (JS-named) columns. */
export class BinaryRows<T extends Table> {
  readonly table: string;
  readonly columns: string[];
  readonly #props: string[];
  readonly #kinds: Kind[];
  #buffer = Buffer.allocUnsafe(1 << 20);
  #length = 0;
  #rows = 0;

  constructor(table: T, props: (keyof T["$inferInsert"] & string)[]) {
    const columns = getTableColumns(table);
    this.table = getTableName(table);
    this.#props = props;
    this.columns = props.map((p) => columns[p].name);
    this.#kinds = props.map((p) => kindOf(columns[p].getSQLType()));
    this.#write(SIGNATURE);
    this.#int32(0); // flags
    this.#int32(0); // header extension length
  }

  #room(bytes: number) {
    if (this.#length + bytes <= this.#buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(bigger, 0, 0, this.#length);
    this.#buffer = bigger;
  }

  #write(bytes: Buffer) {
    this.#room(bytes.length);
    bytes.copy(this.#buffer, this.#length);
    this.#length += bytes.length;
  }

  #int32(value: number) {
    this.#room(4);
    this.#length = this.#buffer.writeInt32BE(value, this.#length);
  }

  #text(value: string) {
    const bytes = Buffer.byteLength(value);
    this.#room(4 + bytes);
    this.#length = this.#buffer.writeInt32BE(bytes, this.#length);
    this.#length += this.#buffer.write(value, this.#length, "utf8");
  }

  #field(kind: Kind, value: unknown) {
    if (value === null || value === undefined) return this.#int32(-1);
    switch (kind) {
      case "uuid": {
        this.#int32(16);
        this.#room(16);
        this.#length += this.#buffer.write(
          (value as string).replaceAll("-", ""),
          this.#length,
          "hex",
        );
        return;
      }
      case "text":
        return this.#text(String(value));
      case "bytea": {
        this.#int32((value as Buffer).length);
        return this.#write(value as Buffer);
      }
      case "integer": {
        this.#int32(4);
        return this.#int32(value as number);
      }
      case "boolean": {
        this.#int32(1);
        this.#room(1);
        this.#buffer[this.#length++] = value ? 1 : 0;
        return;
      }
      case "timestamp": {
        const ms = value instanceof Date ? value.getTime() : Date.parse(value as string);
        this.#int32(8);
        this.#room(8);
        this.#length = this.#buffer.writeBigInt64BE(BigInt(ms - PG_EPOCH_MS) * 1000n, this.#length);
        return;
      }
      case "text[]": {
        const items = (value as unknown[]).map((v) => Buffer.from(String(v), "utf8"));
        const size = items.length === 0 ? 12 : 20 + items.reduce((n, b) => n + 4 + b.length, 0);
        this.#int32(size);
        this.#int32(items.length === 0 ? 0 : 1); // dimensions
        this.#int32(0); // no nulls
        this.#int32(TEXT_OID);
        if (items.length === 0) return;
        this.#int32(items.length);
        this.#int32(1); // lower bound
        for (const item of items) {
          this.#int32(item.length);
          this.#write(item);
        }
      }
    }
  }

  add(row: Partial<T["$inferInsert"]>): void {
    const record = row as Record<string, unknown>;
    this.#room(2);
    this.#length = this.#buffer.writeInt16BE(this.#props.length, this.#length);
    for (let i = 0; i < this.#props.length; i++)
      this.#field(this.#kinds[i], record[this.#props[i]]);
    this.#rows++;
  }

  /** The finished COPY data (with trailer); the builder is spent afterwards. */
  take(): { table: string; columns: string[]; data: Uint8Array; rows: number } {
    this.#room(2);
    this.#length = this.#buffer.writeInt16BE(-1, this.#length);
    // A fresh, exactly sized buffer of its own, so it can be transferred to another thread.
    const data = new Uint8Array(this.#length);
    data.set(this.#buffer.subarray(0, this.#length));
    return { table: this.table, columns: this.columns, data, rows: this.#rows };
  }
}
