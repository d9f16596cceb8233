import { spawnSync } from "node:child_process";

/** The real minisign's verdict on `file` and its `.minisig`: exit status and what it printed. */
export function minisignVerify(file: string, publicKey: string): { ok: boolean; output: string } {
  const r = spawnSync("minisign", ["-Vm", file, "-p", publicKey], { encoding: "utf8" });
  if (r.error)
    throw new Error(`minisign could not run (run scripts/provision.sh): ${r.error.message}`);
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}
