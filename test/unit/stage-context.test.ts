// What a stage made before it failed rides on its error, which stays the error it was.
import { describe, expect, it } from "vitest";
import { keepOnFailure, partialStageResult, skippedStage } from "../../src/stage-context.js";
import { ConfigurationError } from "../../src/util/errors.js";

describe("keepOnFailure", () => {
  it("returns the stage's result when it does not fail", async () => {
    const done = await keepOnFailure(
      () => ({ origins: ["a"] }),
      () => Promise.resolve({ origins: ["a", "b"], detail: "2 built" }),
    );
    expect(done).toEqual({ origins: ["a", "b"], detail: "2 built" });
  });

  it("attaches what partial() says when it fails, to the same error", async () => {
    const made: string[] = [];
    const cause = new ConfigurationError("patches", "b.patch does not apply");
    const error = await keepOnFailure<{ made: string[] }, { made: string[] }>(
      () => ({ made: [...made] }),
      async () => {
        made.push("a.livepatch");
        await Promise.resolve();
        throw cause;
      },
    ).catch((e: unknown) => e);
    expect(error).toBe(cause);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(partialStageResult<{ made: string[] }>(error)).toEqual({ made: ["a.livepatch"] });
  });

  it("finds nothing on an error no stage made, and says a skipped stage's reason", () => {
    expect(partialStageResult(new Error("x"))).toBeUndefined();
    expect(partialStageResult(undefined)).toBeUndefined();
    expect(skippedStage("skipped: no payloads")).toEqual({
      detail: "skipped: no payloads",
      skipped: true,
    });
  });
});
