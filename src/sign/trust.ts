/**
 * Whether the event that started a workflow run may sign. A pull request from a fork runs
 * code nobody trusted yet; whatever it builds must never carry the project's signature,
 * so such runs publish unsigned (and say why). The front door decides this from the event
 * payload the runner writes (GITHUB_EVENT_PATH) and hands the answer down.
 */
export type EventTrust = { trusted: true } | { trusted: false; reason: string };

interface PullRequestEvent {
  pull_request?: {
    head?: { repo?: { full_name?: string; fork?: boolean } | null };
    base?: { repo?: { full_name?: string } | null };
  };
}

const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target", "pull_request_review"]);

export function eventTrust(eventName: string, payload: unknown): EventTrust {
  if (!PULL_REQUEST_EVENTS.has(eventName)) return { trusted: true };
  const pr = (payload as PullRequestEvent | null)?.pull_request;
  const head = pr?.head?.repo;
  const base = pr?.base?.repo?.full_name;
  // A deleted head repository (null) is as unknown as a fork.
  if (!head || !head.full_name) {
    return { trusted: false, reason: `${eventName} event whose head repository is unknown` };
  }
  if (head.fork === true || head.full_name !== base) {
    return {
      trusted: false,
      reason: `${eventName} event from the fork ${head.full_name}`,
    };
  }
  return { trusted: true };
}
