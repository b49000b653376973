/**
 * Every way the fake's traffic strayed from GitHub's description, kept so a
 * test (or the Playwright run's teardown) can fail on it, and logged as it
 * happens so the cause is in the output next to the failing request.
 */
export interface Violations {
  record(context: string, problems: string[]): void;
  list(): string[];
  clear(): void;
}

export function createViolations(log: (line: string) => void = (line) => console.error(line)): Violations {
  const recorded: string[] = [];
  return {
    record(context, problems) {
      for (const problem of problems) {
        const line = `${context}: ${problem}`;
        recorded.push(line);
        log(`fake GitHub violation: ${line}`);
      }
    },
    list: () => [...recorded],
    clear: () => void recorded.splice(0),
  };
}
