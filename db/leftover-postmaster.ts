import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";

/** How long a leftover postmaster gets to finish its fast shutdown before start-up gives up. */
const STOP_TIMEOUT_MS = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process's command line, or "" when it is gone or cannot be read. */
function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** The live process named in the data directory's lock file (pid, then port on line 4), and whether it runs on this directory. */
function lockHolder(dataDir: string): { pid: number; port: number; ours: boolean } | undefined {
  const lockFile = join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile)) return undefined;
  const lines = readFileSync(lockFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  return { pid, port: Number(lines[3]), ours: commandLine(pid).includes(dataDir) };
}

/** The postmaster running on this data directory now, if any. */
export function runningPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const holder = lockHolder(dataDir);
  return holder?.ours ? { pid: holder.pid, port: holder.port } : undefined;
}

/**
 * A server killed with SIGKILL leaves its embedded PostgreSQL running on our data directory (the
 * postmaster is not our child's child once we are gone), and its `postmaster.pid` makes the next
 * start fail. Before starting, such a postmaster is stopped cleanly: SIGINT is PostgreSQL's fast
 * shutdown (open transactions roll back, everything committed stays), then we wait for it to go.
 * A lock file whose process is gone, or belongs to some other program now, is PostgreSQL's own
 * business (it replaces a stale lock itself) unless the pid was reused: then the lock is removed.
 * Returns the pid it stopped, if any.
 */
export async function stopLeftoverPostmaster(dataDir: string): Promise<number | undefined> {
  const holder = lockHolder(dataDir);
  if (!holder) return undefined;
  if (!holder.ours) {
    rmSync(join(dataDir, "postmaster.pid"), { force: true });
    return undefined;
  }
  const { pid } = holder;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `A PostgreSQL left running on ${dataDir} (pid ${pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s. ` +
          `Stop it (kill -INT ${pid}) and start again.`,
      );
    }
    await delay(100);
  }
  return pid;
}
