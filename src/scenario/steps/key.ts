/**
 * `- key: K`: a Xen debug key typed on the serial line (Xen's input switch, then the key);
 * what Xen prints for it lands in the step's console lines.
 */
import { debugKeyCommand } from "../../boot/init-script.js";
import { judgeAction, type StepKind } from "./kind.js";

export interface KeyAction {
  kind: "key";
  key: string;
}

export const key: StepKind<KeyAction> = {
  key: "key",
  parse(pair, { v, line }) {
    const k = v.string(pair.value, "`key` takes one Xen debug key, which", line);
    // Printable, and not the input switch (CTRL-a) nor a character the shell quotes.
    if (k !== undefined && !/^[!-~]$/.test(k)) {
      v.add(
        pair.value,
        `\`key\` is one printable character, a Xen debug key such as a or '+' (Xen lists them for key h), not "${k}"`,
      );
      return undefined;
    }
    return k === undefined ? undefined : { kind: "key", key: k };
  },
  command: (a) => debugKeyCommand(a.key),
  defaultName: (a) => `debug key '${a.key}'`,
  judge: judgeAction,
};
