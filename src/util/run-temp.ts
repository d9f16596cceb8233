/**
 * A run's temporary files in one directory of its own, `$TMPDIR/xlci-run-PID-XXXXXX`, that
 * records the process owning it. Every temporary tree of the run (mkdtemp under
 * `os.tmpdir()`) and of its children (TMPDIR) lands there, so one removal at the end takes
 * them all, and a run killed outright (SIGKILL, a runner's hard cancel), which removes
 * nothing, leaves a directory the next run recognises as abandoned and removes.
 * docs/security.md, "Interrupted runs end cleanly".
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Holder, holderAlive, thisProcess } from "./lock.js";

const PREFIX = "xlci-run-";
const OWNER = ".owner";
/** A directory not yet naming its owner is left alone this long (it may be being made). */
const UNNAMED_GRACE_MS = 60_000;

/**
 * Runs `fn` with TMPDIR (and so `os.tmpdir()`) set to a new run directory under the current
 * one, after removing the run directories there whose owners are gone; restores TMPDIR and
 * removes the directory when `fn` ends, however it ends.
 */
export async function withRunTemp<T>(fn: () => Promise<T>): Promise<T> {
  const parent = tmpdir();
  await removeAbandoned(parent);
  const dir = await mkdtemp(join(parent, `${PREFIX}${process.pid}-`));
  await writeFile(join(dir, OWNER), JSON.stringify(thisProcess()));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Removes the run directories under `parent` whose owning process has exited (or whose pid
 * another process now has). Returns their paths.
 */
export async function removeAbandoned(parent: string): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith(PREFIX))) {
    const dir = join(parent, name);
    const owner = await readFile(join(dir, OWNER), "utf8").then(
      (text) => JSON.parse(text) as Holder,
      () => undefined,
    );
    const abandoned = owner
      ? Number.isInteger(owner.pid) && !holderAlive(owner)
      : await stat(dir).then(
          (s) => s.isDirectory() && Date.now() - s.mtimeMs > UNNAMED_GRACE_MS,
          () => false,
        );
    if (!abandoned) continue;
    // Another user's directory in a shared TMPDIR is theirs to remove.
    const gone = await rm(dir, { recursive: true, force: true }).then(
      () => true,
      () => false,
    );
    if (gone) removed.push(dir);
  }
  return removed;
}
