/**
 * JUnit XML of a scenario run, the format CI systems show as a test report: one testsuite
 * for the scenario, one testcase per step. A failed step carries its message (what was
 * expected and what happened); a step the boot never reached is skipped; a problem of the
 * boot no step carries (dom0's setup, the power-off) is a testcase of its own.
 */
import type { ScenarioResult, StepOutcome } from "../scenario/run.js";

/** Text XML 1.0 allows: no control characters but tab/newline/CR, no lone surrogates, no U+FFFE/U+FFFF. */
function xmlSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "\ufffd")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
  );
}

/** Escapes element text. */
export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value (double-quoted); newlines and tabs survive as character references. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join("");
}

/** What a step printed, for <system-out>: each command with its status and output, then Xen's lines. */
function transcript(step: StepOutcome): string {
  const parts = step.commands.map((c) => {
    const status =
      c.rc === undefined ? "not run" : c.rc === null ? "did not finish" : `exit ${c.rc}`;
    return `$ ${c.command}   (${status})\n${c.output}`;
  });
  if (step.console.length) parts.push(`Xen console:\n${step.console.join("\n")}\n`);
  return parts.join("\n");
}

function testcase(result: ScenarioResult, step: StepOutcome, classname: string): string {
  const name = `${String(step.index).padStart(2, "0")} ${step.name}`;
  const open = `    <testcase${attrs({
    name,
    classname,
    file: result.file,
    line: step.line,
    time: seconds(step.durationMs),
  })}>`;
  const body: string[] = [];
  if (step.status === "failed") {
    const message = step.message ?? "failed";
    body.push(
      `      <failure${attrs({ message: message.split("\n")[0], type: "ScenarioStepFailed" })}>${escapeText(message)}</failure>`,
    );
  } else if (step.status === "not-run") {
    body.push(`      <skipped${attrs({ message: step.message ?? "not run" })}/>`);
  }
  if (step.commands.some((c) => c.rc !== undefined)) {
    body.push(`      <system-out>${escapeText(transcript(step))}</system-out>`);
  }
  return body.length ? `${open}\n${body.join("\n")}\n    </testcase>` : `${open.slice(0, -1)}/>`;
}

/** The JUnit XML document for one scenario run. */
export function junitXml(result: ScenarioResult, opts: { timestamp?: Date } = {}): string {
  const classname = `scenario.${result.scenario}`;
  const cases = result.steps.map((s) => testcase(result, s, classname));
  let failures = result.counts.failed;
  let tests = result.steps.length;
  if (result.error) {
    tests++;
    failures++;
    cases.push(
      `    <testcase${attrs({ name: "boot", classname, file: result.file, time: seconds(result.boot.totalMs) })}>\n` +
        `      <failure${attrs({ message: result.error.split("\n")[0], type: "BootFailed" })}>${escapeText(result.error)}</failure>\n` +
        `    </testcase>`,
    );
  }
  const properties = [
    ["accel", result.boot.accel],
    ["boot-end", result.boot.end],
    ["dom0-ready-ms", result.boot.dom0ReadyMs],
    ["console-log", result.boot.consoleLog],
    ["kvm-fallback", result.boot.kvmFallback?.reason],
  ]
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => `      <property${attrs({ name, value })}/>`);
  const counts = {
    tests,
    failures,
    errors: 0,
    skipped: result.counts.notRun,
    time: seconds(result.boot.totalMs),
  };
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "xen-livepatch-ci", ...counts })}>`,
    `  <testsuite${attrs({
      name: result.scenario,
      ...counts,
      ...(opts.timestamp ? { timestamp: opts.timestamp.toISOString().replace(/\.\d+Z$/, "") } : {}),
      file: result.file,
    })}>`,
    ...(properties.length ? ["    <properties>", ...properties, "    </properties>"] : []),
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}
