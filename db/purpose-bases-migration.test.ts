import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFreshDatabase,
  migrationsFolder as migrations,
  type FreshDatabase,
} from "@/tests/fresh-database";

/*
 * Migration 0017 gives every existing purpose a basis under each of its organisation's laws from
 * the old single legal basis and consent kind. Nothing may become allowed that was not: legitimate
 * interest (no such basis in PIPL) and opt-out (valid only under CCPA) become consent under PIPL
 * and GDPR. The rows are written in the old schema, then the migration runs over them.
 */
let database: FreshDatabase;
let client: Client;

beforeAll(async () => {
  database = await createFreshDatabase(process.env.DATABASE_APP_PASSWORD!, {
    upTo: "0017_purpose_bases_per_law",
  });
  client = new Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("migration 0017: a basis per law", () => {
  it("maps each old basis under the organisation's laws, never allowing what was not, and frees what can now be refused", async () => {
    const [everywhere, china] = [randomUUID(), randomUUID()];
    await client.query(
      `insert into organizations (id, slug, name_zh, name_en, jurisdictions) values
      ($1, 'everywhere', '甲', 'A', array['PIPL', 'GDPR', 'CCPA']), ($2, 'china', '乙', 'B', array['PIPL'])`,
      [everywhere, china],
    );
    const rows: Array<[string, string, string, string, boolean]> = [
      [everywhere, "marketing", "consent", "standard", false],
      [everywhere, "location", "consent", "separate", false],
      [everywhere, "sale", "consent", "opt_out", false],
      [everywhere, "sale_li", "legitimate_interest", "opt_out", false],
      [everywhere, "fraud", "legitimate_interest", "standard", true],
      [everywhere, "account", "contract", "standard", true],
      [everywhere, "tax", "legal_obligation", "standard", true],
      [everywhere, "rescue", "vital_interests", "standard", false],
      [everywhere, "public", "public_interest", "standard", false],
      [china, "sale", "consent", "opt_out", false],
      [china, "fraud", "legitimate_interest", "standard", false],
    ];
    for (const [org, code, basis, kind, required] of rows) {
      await client.query(
        `insert into purposes (org_id, code, name, description, legal_basis, consent_kind, required)
        values ($1, $2, '{"zh-CN":"x","en":"x"}', '{"zh-CN":"x","en":"x"}', $3, $4, $5)`,
        [org, code, basis, kind, required],
      );
    }

    await migrate(drizzle({ client }), { migrationsFolder: migrations });

    const { rows: after } = await client.query<{
      org: string;
      code: string;
      bases: object;
      consent_kind: string;
      required: boolean;
    }>(
      "select o.slug as org, p.code, p.bases, p.consent_kind, p.required from purposes p join organizations o on o.id = p.org_id order by o.slug, p.code",
    );
    const consent = { PIPL: "consent", GDPR: "consent", CCPA: "consent" };
    expect(after.map((r) => [r.org, r.code, r.bases, r.consent_kind, r.required])).toEqual([
      ["china", "fraud", { PIPL: "consent" }, "standard", false],
      ["china", "sale", { PIPL: "consent" }, "standard", false],
      [
        "everywhere",
        "account",
        { PIPL: "contract", GDPR: "contract", CCPA: "notice" },
        "standard",
        true,
      ],
      [
        "everywhere",
        "fraud",
        { PIPL: "consent", GDPR: "legitimate_interest", CCPA: "notice" },
        "standard",
        false,
      ],
      ["everywhere", "location", consent, "separate", false],
      ["everywhere", "marketing", consent, "standard", false],
      [
        "everywhere",
        "public",
        { PIPL: "legal_obligation", GDPR: "public_interest", CCPA: "notice" },
        "standard",
        false,
      ],
      [
        "everywhere",
        "rescue",
        { PIPL: "emergency", GDPR: "vital_interests", CCPA: "notice" },
        "standard",
        false,
      ],
      [
        "everywhere",
        "sale",
        { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
        "standard",
        false,
      ],
      [
        "everywhere",
        "sale_li",
        { PIPL: "consent", GDPR: "consent", CCPA: "opt_out" },
        "standard",
        false,
      ],
      [
        "everywhere",
        "tax",
        { PIPL: "legal_obligation", GDPR: "legal_obligation", CCPA: "notice" },
        "standard",
        true,
      ],
    ]);
    // The constraint now refuses a basis a law does not have.
    await expect(
      client.query(
        `update purposes set bases = '{"PIPL":"legitimate_interest"}' where code = 'fraud'`,
      ),
    ).rejects.toThrow(/purposes_bases/);
  });
});
