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
function startInChild(dataDir: string, password: string, mode = "") {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir, password, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => output.includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the fixture exited with ${code}`)));
  });
  const exited = new Promise<string>((resolve) => child.on("exit", () => resolve(output)));
  return { child, ready, exited };
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

describe("the embedded PostgreSQL on SIGTERM, for a server that stops it itself", () => {
  let root = "";
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("is still up while requests in flight finish: the package's own exit hook does not stop it first", async () => {
    root = await mkdtemp(join(tmpdir(), "pd-sigterm-"));
    await chmod(root, 0o755);
    const dataDir = join(root, "postgres");
    const server = startInChild(dataDir, "sigterm-test", "own-stop");
    await server.ready;
    const postmaster = postmasterPid(dataDir);
    server.child.kill("SIGTERM");
    expect(await server.exited).toContain("query after SIGTERM: ok");
    expect(running(postmaster)).toBe(false);
  }, 120_000);
});

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
