/** Where a command writes; tests pass buffers, main passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `berth <name>` command. Each lives in its own file and is listed in commands.ts. */
export interface CliCommand {
  name: string;
  /** One line for `berth --help`. */
  summary: string;
  /** Full usage text for `berth <name> --help`. */
  usage: string;
  /** Resolves with the exit code. Throw UsageError for bad arguments. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Bad arguments: printed as one line with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
