/** `npm run db:migrate`: applies migrations and the security layer to DATABASE_URL. */
import { existsSync } from "node:fs";
import { migrateDatabase } from "@/db/migrate";
import { parseEnv } from "@/lib/core/env/schema";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = parseEnv(process.env);
await migrateDatabase(env.DATABASE_URL, env.DATABASE_APP_PASSWORD);
console.log("Migrations applied.");
