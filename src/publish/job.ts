/**
 * The GitHub job the action runs in, from the variables the runner sets: the workflow run
 * (recorded in metadata.json), whether its event may sign, the API, and whether an OIDC
 * token can be had. Only the action's front door calls this, with its environment.
 */
import { readFileSync } from "node:fs";
import type { GitHubJob } from "../options.js";
import { eventTrust } from "../sign/trust.js";

/** The event payload the runner wrote, or undefined when there is none to read. */
function eventPayload(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** undefined outside a workflow run (no repository or run id): nothing to publish to. */
export function githubJob(env: NodeJS.ProcessEnv, token: string): GitHubJob | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!repository || !runId) return undefined;
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const event = env.GITHUB_EVENT_NAME ?? "";
  return {
    run: {
      url: `${server}/${repository}/actions/runs/${runId}`,
      repository,
      runId,
      runAttempt: env.GITHUB_RUN_ATTEMPT ?? "1",
      workflow: env.GITHUB_WORKFLOW ?? "",
      event,
      ref: env.GITHUB_REF ?? "",
      sha: env.GITHUB_SHA ?? "",
    },
    trust: eventTrust(event, eventPayload(env.GITHUB_EVENT_PATH)),
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    token,
    idToken: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN),
  };
}
