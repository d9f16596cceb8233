/** The command-line entry (package.json `bin`): everything happens in commands.ts. */
import { main } from "./commands.js";

process.exitCode = await main(process.argv.slice(2));
