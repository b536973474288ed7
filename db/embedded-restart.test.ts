import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "./embedded";

const fixture = fileURLToPath(new URL("./test-fixtures/start-embedded.ts", import.meta.url));

/** Runs the fixture in its own process and resolves once its PostgreSQL accepts connections. */
function startInChild(dataDir: string, password: string) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir, password], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the fixture exited with ${code}`)));
  });
  return { child, ready };
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL after its server was killed with SIGKILL", () => {
  let root = "";
  let server: EmbeddedServer | undefined;
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("starts again: the postmaster left running on the data directory is stopped cleanly first", async () => {
    root = await mkdtemp(join(tmpdir(), "pd-restart-"));
    await chmod(root, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach it
    const dataDir = join(root, "postgres");
    const password = "restart-test";
    const first = startInChild(dataDir, password);
    await first.ready;
    const leftover = postmasterPid(dataDir);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(running(leftover)).toBe(true);

    server = await startEmbeddedPostgres({ dataDir, password, persistent: true });

    expect(running(leftover)).toBe(false);
    expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(true);
    expect(postmasterPid(dataDir)).not.toBe(leftover);
    const client = new Client({ connectionString: server.url("postgres") });
    await client.connect();
    const { rows } = await client.query<{ one: number }>("select 1 as one");
    await client.end();
    expect(rows[0]!.one).toBe(1);
  }, 120_000);
});
