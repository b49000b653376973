import { NotAnEnvironmentsRepoError } from "../environments/repository/errors";
import { UsageError, type CliCommand, type CliIo } from "./command";

/**
 * Dispatches `berth <command> [args]` and resolves with the exit code. Errors
 * the user can act on are one line on stderr; anything else is a bug and
 * keeps its stack.
 */
export async function runCli(argv: string[], commands: CliCommand[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`berth: unknown command "${name}". Run "berth --help" for the list.\n`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`berth ${name}: ${error.message}. Run "berth ${name} --help" for usage.\n`);
      return 2;
    }
    if (error instanceof NotAnEnvironmentsRepoError) {
      io.stderr(`berth ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: berth <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "berth <command> --help" for a command\'s options.',
    "",
  ].join("\n");
}
