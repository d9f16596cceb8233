/**
 * A scenario's regular expressions run on dom0's and Xen's output with a time limit: a
 * pattern under review like `^(a+)+$` backtracks for minutes on a line of a's, blocking
 * the run and its signal handling (docs/security.md). V8 stops a script run with
 * node:vm's `timeout` even inside a match.
 */
import vm from "node:vm";

/** How long one search may take, in milliseconds. */
export const REGEX_TIME_LIMIT_MS = 1000;

/** A search that took longer than REGEX_TIME_LIMIT_MS. */
export class RegexTimeout extends Error {
  override name = "RegexTimeout";
  constructor(readonly source: string) {
    super(
      `the regular expression /${source}/ took more than ${REGEX_TIME_LIMIT_MS / 1000} s (it backtracks without end on this output): write it without nested repetition`,
    );
  }
}

const context = vm.createContext({});
const search = new vm.Script(
  "{ let found = -1; for (let i = args.from; i < args.texts.length; i++) if (args.re.test(args.texts[i])) { found = i; break; } found; }",
);

/**
 * The index of the first of `texts` (from `from` on) that `source` (with `flags`) matches,
 * or -1. Throws RegexTimeout when the search takes longer than REGEX_TIME_LIMIT_MS, and
 * SyntaxError for a pattern that is not one (the scenario's validator refuses those first).
 */
export function firstMatch(
  source: string,
  flags: string,
  texts: readonly string[],
  from = 0,
): number {
  context.args = { re: new RegExp(source, flags), texts, from };
  try {
    return search.runInContext(context, { timeout: REGEX_TIME_LIMIT_MS }) as number;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
      throw new RegexTimeout(source);
    throw e;
  } finally {
    context.args = undefined;
  }
}
