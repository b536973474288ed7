/**
 * `npm test`: builds the app first (alone: it is the CPU-heavy step), then runs the unit and
 * integration suite (Vitest) and the end-to-end suite (Playwright on that build) at the same
 * time, the end-to-end specs in two shards (by file), each with its own server, ports and fresh
 * database, and the fleet test (scripts/fleet-test.ts: two `npm start` servers and a worker on one
 * database, SIGTERM under load) beside them on ports of its own. They share nothing, so their waits
 * on the database and the browser overlap. The unit
 * run streams as it goes; each shard's output is printed whole when it ends, so they never
 * interleave line by line. Fails when any step fails.
 */
import { spawn } from "node:child_process";

const E2E_SHARDS = [3100, 3200];
const FLEET_PORT = 3400;

function run(command, args, { stream, env = {} }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    const chunks = [];
    for (const output of [child.stdout, child.stderr]) {
      output.on("data", (chunk) => (stream ? process.stdout.write(chunk) : chunks.push(chunk)));
    }
    child.on("close", (code, signal) => {
      if (!stream) process.stdout.write(Buffer.concat(chunks));
      process.stdout.write(
        `\n==> ${[command, ...args].join(" ")}: ${code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`}\n`,
      );
      resolve(code === 0);
    });
  });
}

if (!(await run("npx", ["next", "build"], { stream: true }))) process.exit(1);
const results = await Promise.all([
  run("npx", ["vitest", "run"], { stream: true }),
  ...E2E_SHARDS.map((port, i) =>
    run("npx", ["playwright", "test", `--shard=${i + 1}/${E2E_SHARDS.length}`], {
      stream: false,
      env: { E2E_PORT: String(port) },
    }),
  ),
  run(
    "node",
    ["--import", "tsx", "--conditions=react-server", "scripts/fleet-test.ts", String(FLEET_PORT)],
    { stream: false },
  ),
]);
// exitCode, not exit(): a shard's output is written whole when it ends, and exiting at once would
// cut it off in a pipe (CI tees it) before it drained.
process.exitCode = results.every(Boolean) ? 0 : 1;
