/**
 * `npm test`: the unit and integration suite (Vitest) and the end-to-end suite (next build, then
 * Playwright) at the same time. They share nothing: each makes its own fresh database and the
 * end-to-end server has its own ports, so on a machine with spare cores their waits overlap. The
 * unit run streams as it goes; the end-to-end run's output is printed whole when it ends, so the
 * two never interleave line by line. Fails when either fails.
 */
import { spawn } from "node:child_process";

function run(script, { stream }) {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    for (const output of [child.stdout, child.stderr]) {
      output.on("data", (chunk) => (stream ? process.stdout.write(chunk) : chunks.push(chunk)));
    }
    child.on("close", (code, signal) => {
      if (!stream) process.stdout.write(Buffer.concat(chunks));
      process.stdout.write(`\n==> npm run ${script}: ${code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`}\n`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all([run("test:unit", { stream: true }), run("test:e2e", { stream: false })]);
process.exit(results.every(Boolean) ? 0 : 1);
