/**
 * `npm run bench -- <suite> [options]`: runs a benchmark suite against a database of its own and
 * prints measurements with baselines measured in the same run. Suites: vault, consent, requests, incidents.
 */
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");

const suites: Record<string, () => Promise<{ run: (args: string[]) => Promise<boolean> }>> = {
  vault: () => import("./bench/vault"),
  consent: () => import("./bench/consent"),
  requests: () => import("./bench/requests"),
  incidents: () => import("./bench/incidents"),
};

const [name, ...args] = process.argv.slice(2);
const suite = name ? suites[name] : undefined;
if (!suite) {
  console.error(
    `Usage: npm run bench -- <suite> [options]\nSuites: ${Object.keys(suites).join(", ")}`,
  );
  process.exit(1);
}
const passed = await (await suite()).run(args);
process.exit(passed ? 0 : 1);
