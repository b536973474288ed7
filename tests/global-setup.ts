import type { TestProject } from "vitest/node";
import { generateSecrets } from "@/lib/core/env/dev-secrets";
import { createFreshDatabase } from "./fresh-database";

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}

/** One fresh database for the whole run, dropped at the end; secrets generated for this run only. */
export default async function setup(project: TestProject) {
  const secrets = generateSecrets();
  const database = await createFreshDatabase(secrets.DATABASE_APP_PASSWORD);
  project.provide("testEnv", {
    ...secrets,
    DATABASE_URL: database.url,
    NODE_ENV: "test",
    WORKER_IN_SERVER: "false",
  });
  return async () => database.drop();
}
