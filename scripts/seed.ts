/** `npm run db:seed`: creates the demo organisations in DATABASE_URL's (migrated, empty) database. */
import { existsSync } from "node:fs";
import { closeAppDb } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { parseEnv } from "@/lib/core/env/schema";

if (existsSync(".env")) process.loadEnvFile(".env");
parseEnv(process.env);
const seeded = await seedIfEmpty();
if (!seeded) console.log("The database already has organisations; nothing seeded.");
await closeAppDb();
