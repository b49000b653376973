/** The items of a typed comma-separated list ("a, b," is a and b). */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
