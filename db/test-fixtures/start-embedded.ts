/** Starts a persistent embedded PostgreSQL on argv[2] with password argv[3], says "ready", then waits to be killed. */
import { startEmbeddedPostgres } from "../embedded";

await startEmbeddedPostgres({ dataDir: process.argv[2]!, password: process.argv[3]!, persistent: true });
console.log("ready");
setInterval(() => {}, 1 << 30);
