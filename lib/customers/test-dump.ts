/** A database dump for the vault's tests: what an attacker with a backup would hold. */
import { execFile } from "node:child_process";
import { text } from "node:stream/consumers";
import { promisify } from "node:util";
import { Client } from "pg";
import { to as copyTo } from "pg-copy-streams";

/**
 * The whole database as pg_dump writes it. When pg_dump refuses (a client older than the server,
 * e.g. the embedded PostgreSQL 18 against Debian's pg_dump 15), every table's data section is
 * produced with the same COPY … TO STDOUT that pg_dump uses, so the text is the same.
 */
export async function dumpDatabase(): Promise<string> {
  const url = process.env.DATABASE_URL!;
  try {
    const { stdout } = await promisify(execFile)("/usr/bin/pg_dump", ["--no-owner", url], {
      maxBuffer: 512 * 1024 * 1024,
    });
    return stdout;
  } catch {
    const owner = new Client({ connectionString: url });
    await owner.connect();
    try {
      const { rows: tables } = await owner.query<{ name: string; columns: string }>(
        `select format('%I.%I', t.schemaname, t.tablename) as name,
                (select string_agg(quote_ident(a.attname), ', ' order by a.attnum) from pg_attribute a
                 where a.attrelid = format('%I.%I', t.schemaname, t.tablename)::regclass and a.attnum > 0 and not a.attisdropped) as columns
         from pg_tables t where t.schemaname not in ('pg_catalog', 'information_schema')`,
      );
      const sections: string[] = [];
      for (const { name, columns } of tables) {
        const data = await text(owner.query(copyTo(`copy ${name} (${columns}) to stdout`)));
        sections.push(`COPY ${name} (${columns}) FROM stdin;\n${data}\\.\n`);
      }
      return sections.join("\n");
    } finally {
      await owner.end();
    }
  }
}

/** The rows of one table's data section in a dump, by column name; bytea as Buffer, NULL as null. */
export function dumpedRows(
  dump: string,
  table: string,
): Array<Record<string, string | Buffer | null>> {
  const start = dump.match(new RegExp(`^COPY public\\.${table} \\(([^)]*)\\) FROM stdin;$`, "m"));
  if (!start || start.index === undefined) throw new Error(`no data section for ${table}`);
  const columns = start[1].split(", ").map((c) => c.replaceAll('"', ""));
  const body = dump.slice(start.index + start[0].length + 1);
  const lines = body.slice(0, body.indexOf("\\.\n")).split("\n").filter(Boolean);
  return lines.map((line) =>
    Object.fromEntries(
      line
        .split("\t")
        .map((cell, i) => [
          columns[i],
          cell === "\\N"
            ? null
            : cell.startsWith("\\\\x")
              ? Buffer.from(cell.slice(3), "hex")
              : cell,
        ]),
    ),
  );
}
