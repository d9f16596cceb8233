/**
 * Whether the event that started a workflow run may sign. A pull request from a fork runs
 * code nobody trusted yet; whatever it builds must never carry the project's signature,
 * so such runs publish unsigned (and say why). The front door decides this from the event
 * payload the runner writes (GITHUB_EVENT_PATH) and hands the answer down.
 */
export type EventTrust = {
    trusted: true;
} | {
    trusted: false;
    reason: string;
};
export declare function eventTrust(eventName: string, payload: unknown): EventTrust;
