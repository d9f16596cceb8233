/**
 * What can be checked of a run's inputs before anything is built: the files they name
 * exist and are readable, patches parse and give distinct payload names, the scenario
 * file parses, the Xen configuration is made of Kconfig lines. Every problem is found and
 * reported at once, each naming its input, so that a typo does not cost a base build
 * first. (Values, keys and globs are checked earlier still, by parseOptions.)
 */
import { constants as fsConstants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { loadXenConfig } from "./base/config.js";
import type { InputName, Options } from "./options.js";
import { type PatchFile, payloadNameClash, readPatch } from "./patch/series.js";
import { payloadFileNameClash } from "./publish/names.js";
import { loadScenarioFile } from "./scenario/format.js";
import { ConfigurationError, ConfigurationErrors } from "./util/errors.js";

/**
 * Checks the files a run's options name, before the first stage. Throws the one
 * ConfigurationError found, or ConfigurationErrors with all of them; a problem that is not
 * a mistake in the inputs (a bug, the machine) is thrown as it is.
 */
export async function preflight(options: Options): Promise<void> {
  const problems: ConfigurationError[] = [];
  const check = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      problems.push(e);
      return undefined;
    }
  };

  const patches: PatchFile[] = [];
  for (const path of options.patches) {
    const patch = await check(() =>
      readPatch(path, options.refuseOutsideXen ? "refuse" : "leave-out"),
    );
    if (patch) patches.push(patch);
  }
  const clash = payloadNameClash(patches);
  if (clash) problems.push(clash);

  for (const dir of options.payloadSources) await check(() => directory("payload-sources", dir));
  for (const file of options.payloads) await check(() => readable("payloads", file));
  const sameName = payloadFileNameClash(
    options.payloads.map((file) => ({ file, from: `payloads: ${file}` })),
  );
  if (sameName) problems.push(sameName);
  for (const file of options.appliedPayloads) await check(() => readable("applied-payloads", file));
  const { xenSyms, expectedBuildId, xenConfig, scenario, dom0Kernel } = options;
  if (xenSyms) await check(() => readable("xen-syms", xenSyms));
  // A hex build-id is lower-cased by parseOptions; anything else there is a path.
  if (expectedBuildId && !/^[0-9a-f]+$/.test(expectedBuildId))
    await check(() => readable("expected-build-id", expectedBuildId));
  if (xenConfig !== "defconfig") await check(() => loadXenConfig(xenConfig.path));
  // Only parsed: its payload files may be ones this run builds.
  if (typeof scenario === "object") await check(() => loadScenarioFile(scenario.path));
  if (dom0Kernel) await check(() => readable("dom0-kernel", dom0Kernel));

  const mistakes = ConfigurationErrors.of(problems);
  if (mistakes) throw mistakes;
}

async function readable(input: InputName, file: string): Promise<void> {
  const info = await stat(file).catch((e: Error) => {
    throw new ConfigurationError(input, `cannot read ${file}: ${e.message}`);
  });
  if (!info.isFile()) throw new ConfigurationError(input, `${file} is not a file`);
  await access(file, fsConstants.R_OK).catch((e: Error) => {
    throw new ConfigurationError(input, `cannot read ${file}: ${e.message}`);
  });
}

async function directory(input: InputName, dir: string): Promise<void> {
  const info = await stat(dir).catch((e: Error) => {
    throw new ConfigurationError(input, `cannot read ${dir}: ${e.message}`);
  });
  if (!info.isDirectory()) throw new ConfigurationError(input, `${dir} is not a directory`);
}
