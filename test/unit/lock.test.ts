// Locks between runs sharing a cache (issue 19): a lock naming a live process that is not
// a run is taken over, not waited on for ever; a held lock's wait is bounded and says who
// holds it.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withLock } from "../../src/util/lock.js";

const work = mkdtempSync(join(tmpdir(), "xlci-lock-"));
// A live process that is not a run of this tool.
const unrelated = spawn("sleep", ["60"], { stdio: "ignore" });
afterAll(() => unrelated.kill());

/** A lock left as another process would leave it. */
function lockHeldBy(name: string, pid: number, start?: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "pid"), String(pid));
  if (start !== undefined) writeFileSync(join(dir, "start"), start);
  return dir;
}

const ownStart = () => {
  const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
};

describe("withLock", () => {
  it("takes over a lock naming a live process that is not Node (as an older release wrote it)", async () => {
    const dir = lockHeldBy("unrelated", unrelated.pid!);
    const started = Date.now();
    expect(await withLock(dir, () => Promise.resolve("ran"), { timeoutMs: 20_000 })).toBe("ran");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("takes over a lock whose pid now belongs to a process started at another time", async () => {
    const dir = lockHeldBy("reused", process.pid, "1");
    expect(await withLock(dir, () => Promise.resolve("ran"), { timeoutMs: 20_000 })).toBe("ran");
  });

  it("waits for a live holder, says who it is, and gives up after the timeout naming it", async () => {
    const dir = lockHeldBy("held", process.pid, ownStart());
    const waits: string[] = [];
    const e = await withLock(dir, () => Promise.resolve("ran"), {
      timeoutMs: 1_000,
      onWait: (who) => waits.push(who),
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(
      new RegExp(
        `^gave up after 1 s waiting for the lock ${dir}, held by process ${process.pid} \\(.*node.*\\); if that process is not another run, remove ${dir}$`,
      ),
    );
    expect(waits).toHaveLength(1);
    expect(waits[0]).toContain(`held by process ${process.pid}`);
  });

  it("records its holder while it runs, and removes the lock after", async () => {
    const dir = join(work, "own");
    await withLock(dir, () => {
      expect(readFileSync(join(dir, "pid"), "utf8")).toBe(String(process.pid));
      expect(readFileSync(join(dir, "start"), "utf8")).toBe(ownStart());
      return Promise.resolve();
    });
    await expect(withLock(dir, () => Promise.resolve(1), { timeoutMs: 100 })).resolves.toBe(1);
  });
});
