import { copyFile, mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Copies a directory that a running PostgreSQL is writing to: a file removed while we walk
 * (a temporary or dropped relation) is skipped, since the WAL replayed at restore decides its
 * fate anyway. `skip` gets paths relative to the root.
 */
export async function copyTree(
  from: string,
  to: string,
  skip: (relative: string) => boolean,
  relative = "",
): Promise<void> {
  await mkdir(join(to, relative), { recursive: true });
  let entries;
  try {
    entries = await readdir(join(from, relative), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (skip(path)) continue;
    if (entry.isDirectory()) {
      await copyTree(from, to, skip, path);
      continue;
    }
    await copyFile(join(from, path), join(to, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}
