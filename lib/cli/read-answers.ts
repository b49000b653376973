import { readFileSync } from "node:fs";
import type { CliIo } from "./command";

/** An answers file's JSON, or the field error that says why it cannot be used. */
export function readAnswers(file: string): { ok: true; answers: unknown } | { ok: false; fields: Record<string, string> } {
  try {
    return { ok: true, answers: JSON.parse(readFileSync(file, "utf8")) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      error instanceof SyntaxError
        ? `is not valid JSON (${error.message})`
        : code === "ENOENT"
          ? "does not exist"
          : `cannot be read (${code ?? (error as Error).message})`;
    return { ok: false, fields: { answers: `${file} ${why}` } };
  }
}

/** Prints one `<field>: <message>` line per error; the exit code for invalid answers. */
export function printFieldErrors(io: CliIo, fields: Record<string, string>): number {
  io.stderr(
    Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}\n`)
      .join(""),
  );
  return 1;
}
