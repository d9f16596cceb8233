// Starts the bundled action (dist/index.js) the way the runner does: a separate Node
// process with INPUT_* variables and the runner's output and summary files. Asynchronous,
// so a loopback service in the test process keeps answering while the action runs.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

export interface ActionRun {
  status: number | null;
  /** stdout and stderr, where the runner reads workflow commands (annotations, groups). */
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the action with `inputs` in `workspace`, the runner's files under `runnerTemp`.
 * `env` adds variables; an undefined value removes one.
 */
export function runAction(
  inputs: Record<string, string>,
  dirs: { workspace: string; runnerTemp: string },
  env: Record<string, string | undefined> = {},
): Promise<ActionRun> {
  const files = {
    output: join(dirs.runnerTemp, "github-output"),
    summary: join(dirs.runnerTemp, "summary"),
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: dirs.runnerTemp,
  };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  for (const [name, value] of Object.entries(inputs))
    childEnv[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "dist", "index.js")], {
      env: childEnv,
      cwd: dirs.workspace,
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("close", (status) =>
      resolve({
        status,
        stdout,
        outputs: readOutputs(files.output),
        summary: readFileSync(files.summary, "utf8"),
      }),
    );
  });
}

/** The runner's output file: `name<<DELIMITER`, value lines, `DELIMITER`. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    outputs[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}
