/** The command-line entry (package.json `bin`): everything happens in commands.ts. */
import { main } from "./commands.js";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(`xen-livepatch-ci needs Node.js 24 or later; this is ${process.version}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await main(process.argv.slice(2));
}
