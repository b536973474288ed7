/**
 * `npm run customers:backfill-minors`: fills customers.minor_born_on (PIPL Art. 31, GDPR Art. 8, CCPA §1798.120(c)) for every
 * organisation's customers written before the column existed, decrypting each birth date and ID
 * number through the vault (lib/customers/minor-backfill.ts), a batch per transaction. Safe to run
 * again and to stop: a second run rewrites nothing that is already right. Prints counts only.
 */
import { existsSync } from "node:fs";
import { closeAppDb } from "@/db/client";
import { parseEnv } from "@/lib/core/env/schema";
import { backfillMinorBornOn } from "@/lib/customers/minor-backfill";
import { allOrganizations } from "@/lib/organizations/queries";

if (existsSync(".env")) process.loadEnvFile(".env");
parseEnv(process.env);
try {
  for (const org of await allOrganizations()) {
    let after: string | null = null;
    let scanned = 0;
    let updated = 0;
    do {
      const result = await backfillMinorBornOn(org.id, after);
      scanned += result.scanned;
      updated += result.updated;
      after = result.next;
    } while (after);
    console.log(
      `${org.slug}: ${scanned} customer(s) with a birth date or ID number read, ${updated} minor_born_on value(s) written.`,
    );
  }
} catch (error) {
  console.error("minor_born_on backfill failed:", (error as Error).name);
  process.exitCode = 1;
} finally {
  await closeAppDb();
}
