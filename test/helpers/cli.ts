import { vi } from "vitest";
import { main } from "../../src/commands.js";

/**
 * Runs the command line in-process, capturing what it prints, with `env` set for the
 * call only (e.g. a signing key, which the command line reads from the environment).
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
}
