/**
 * `npm test`: builds the app first (alone: it is the CPU-heavy step), then runs the unit and
 * integration suite (Vitest) and the end-to-end suite (Playwright on that build) at the same
 * time. They share nothing: each makes its own fresh database and the end-to-end server has its
 * own ports, so their waits on the database and the browser overlap. The unit run streams as it
 * goes; the end-to-end output is printed whole when it ends, so the two never interleave line by
 * line. Fails when any step fails.
 */
import { spawn } from "node:child_process";

function run(command, args, { stream }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    for (const output of [child.stdout, child.stderr]) {
      output.on("data", (chunk) => (stream ? process.stdout.write(chunk) : chunks.push(chunk)));
    }
    child.on("close", (code, signal) => {
      if (!stream) process.stdout.write(Buffer.concat(chunks));
      process.stdout.write(`\n==> ${[command, ...args].join(" ")}: ${code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`}\n`);
      resolve(code === 0);
    });
  });
}

if (!(await run("npx", ["next", "build"], { stream: true }))) process.exit(1);
const results = await Promise.all([
  run("npx", ["vitest", "run"], { stream: true }),
  run("npx", ["playwright", "test"], { stream: false }),
]);
process.exit(results.every(Boolean) ? 0 : 1);
