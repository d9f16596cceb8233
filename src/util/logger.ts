import { safeLines } from "./untrusted.js";

/**
 * How stages talk to the person running them. The action maps this onto the runner's log
 * groups; the command line prints to stderr. Stages never print directly.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** A line of the guest's serial console: the action shows it in the stage's group; the terminal keeps it to the log file. */
  console(line: string): void;
  /** Runs `fn` inside a collapsible group; the group is closed even when `fn` throws. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * `logger` with every message, console line and group title made safe for a log or a
 * terminal (src/util/untrusted.ts): the place where untrusted text (names from payloads
 * and patches, dom0's output, a build's output in an error) reaches one. Line breaks stay.
 */
export function safeLogger(logger: Logger): Logger {
  return {
    info: (m) => logger.info(safeLines(m)),
    warning: (m) => logger.warning(safeLines(m)),
    console: (line) => logger.console(safeLines(line)),
    group: (title, fn) => logger.group(safeLines(title), fn),
  };
}

/** A logger for the terminal: groups become headed sections on stderr. */
export function terminalLogger(
  stream: NodeJS.WritableStream = process.stderr,
  quiet = false,
): Logger {
  const write = (line: string) => {
    if (!quiet) stream.write(`${line}\n`);
  };
  return safeLogger({
    info: write,
    warning: (m) => write(`warning: ${m}`),
    console: () => undefined,
    async group(title, fn) {
      write(`==> ${title}`);
      return fn();
    },
  });
}
