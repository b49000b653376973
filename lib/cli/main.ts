import { commands } from "./commands";
import { runCli } from "./run-cli";

runCli(process.argv.slice(2), commands, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    // Set, not exit: a large --json output must drain first.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`berth: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
