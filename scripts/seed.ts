/**
 * `npm run db:seed`: creates the demo organisations in DATABASE_URL's (migrated, empty) database.
 * `npm run db:seed -- --customers N` also adds N generated customers (with vouchers, orders and
 * payment accounts) to the demo organisation, loaded with COPY; the demo is created first if the
 * database is empty.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeAppDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { seedCustomersBulk } from "@/db/seed/bulk/load";
import { progressPrinter } from "@/db/seed/bulk/progress";
import { withoutTenant } from "@/db/tenant";
import { parseEnv } from "@/lib/core/env/schema";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = parseEnv(process.env);
const { values } = parseArgs({ options: { customers: { type: "string" } } });
const extra = values.customers === undefined ? 0 : Number(values.customers.replaceAll("_", ""));
if (!Number.isInteger(extra) || extra < 0) {
  console.error("--customers needs a whole number, e.g. --customers 1000000");
  process.exit(1);
}

try {
  const seeded = await seedIfEmpty();
  if (!seeded && extra === 0)
    console.log("The database already has organisations; nothing seeded.");
  if (extra > 0) {
    const [demo] = await withoutTenant((tx) =>
      tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "demo")),
    );
    if (!demo) throw new Error("This database has no demo organisation to add customers to.");
    const started = Date.now();
    const counts = await seedCustomersBulk({
      ownerUrl: env.DATABASE_URL,
      orgId: demo.id,
      count: extra,
      actor: { type: "system", id: "seed" },
      onProgress: progressPrinter(),
    });
    const summary = Object.entries(counts)
      .map(([table, rows]) => `${table} ${rows.toLocaleString("en")}`)
      .join(", ");
    console.log(`Added ${summary} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
} finally {
  await closeAppDb();
}
