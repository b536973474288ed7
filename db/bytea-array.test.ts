import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { byteaArray, encodeByteaArray } from "@/db/bytea-array";
import { withoutTenant } from "@/db/tenant";

const roundTrip = (values: Array<Buffer | null>) =>
  withoutTenant(async (tx) => {
    const { rows } = await tx.execute<{ value: Buffer | null; n: number }>(sql`
    select u.value, u.n::int as n from unnest(${byteaArray(values)}) with ordinality as u(value, n) order by u.n`);
    return rows.map((r) => r.value);
  });

describe("byteaArray", () => {
  it("arrives as the same bytes, in order, with NULLs kept and every byte value intact", async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const values = [
      Buffer.from("密文", "utf8"),
      null,
      Buffer.alloc(0),
      all,
      Buffer.from([0x5c, 0x22, 0x7b, 0x2c]),
    ];
    const back = await roundTrip(values);
    expect(back.map((b) => (b === null ? null : b.toString("hex")))).toEqual(
      values.map((b) => (b === null ? null : b.toString("hex"))),
    );
  });

  it("sends an empty array as an empty array", async () => {
    const [row] = await withoutTenant(
      async (tx) =>
        (
          await tx.execute<{ n: number; d: string | null }>(
            sql`select cardinality(${byteaArray([])})::int as n, array_dims(${byteaArray([])}) as d`,
          )
        ).rows,
    );
    expect(row).toEqual({ n: 0, d: null });
  });

  it("is one binary parameter, not text with two hex digits per byte", async () => {
    const values = Array.from({ length: 1000 }, (_, i) => Buffer.alloc(61, i));
    const [row] = await withoutTenant(
      async (tx) =>
        (
          await tx.execute<{ bytes: number }>(
            sql`select sum(length(v))::int as bytes from unnest(${byteaArray(values)}) as v`,
          )
        ).rows,
    );
    expect(row.bytes).toBe(61_000);
    expect(encodeByteaArray(values).length).toBe(20 + 1000 * (4 + 61));
  });
});
