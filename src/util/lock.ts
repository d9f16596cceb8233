/** A lock between processes sharing a cache directory (parallel test workers, two runs). */
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Runs `fn` holding `lockDir` (mkdir is atomic). A lock whose recorded owner has exited, or
 * that has no owner after a minute, was left by a crash and is taken over.
 */
export async function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  const ownerFile = join(lockDir, "pid");
  await mkdir(dirname(lockDir), { recursive: true });
  for (;;) {
    const made = await mkdir(lockDir).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === "EEXIST") return false;
        throw err;
      },
    );
    if (made) break;
    const owner = Number(await readFile(ownerFile, "utf8").catch(() => "0"));
    const ageMs = await stat(lockDir).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    const stale = owner > 0 ? !processExists(owner) : ageMs > 60_000;
    if (stale) await rm(lockDir, { recursive: true, force: true });
    else await sleep(500);
  }
  await writeFile(ownerFile, String(process.pid));
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
