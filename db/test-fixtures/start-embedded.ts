/**
 * Starts a persistent embedded PostgreSQL on argv[2] with password argv[3] and says "ready".
 * With argv[4] = "own-stop" it stops the database itself on SIGTERM, as `npm start` does: one
 * second later (a request still in flight), it queries the database, prints "query after SIGTERM:
 * ok" or the error, then stops it and exits. Otherwise it waits to be killed.
 */
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded";

const ownStop = process.argv[4] === "own-stop";
const server = await startEmbeddedPostgres({
  dataDir: process.argv[2]!,
  password: process.argv[3]!,
  persistent: true,
  ownStop,
});
if (ownStop) {
  process.once("SIGTERM", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const client = new pg.Client({ connectionString: server.url("postgres") });
    const answer = await client
      .connect()
      .then(() => client.query("select 1"))
      .then(
        () => "ok",
        (error: Error) => error.message,
      );
    console.log(`query after SIGTERM: ${answer}`);
    await client.end().catch(() => {});
    await server.stop();
    process.exit(0);
  });
}
console.log("ready");
setInterval(() => {}, 1 << 30);
