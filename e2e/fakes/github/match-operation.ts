import type { RestOperation } from "./rest-operation";

export interface MatchedOperation {
  operation: RestOperation;
  params: Record<string, string>;
}

/**
 * Finds the row for a method and a path (already without the API prefix).
 * A `{name}` in a template matches one path segment; the first row that
 * matches wins, so a test can put an override ahead of the defaults.
 */
export function matchOperation(
  operations: readonly RestOperation[],
  method: string,
  pathname: string,
): MatchedOperation | undefined {
  const segments = pathname.replace(/\/+$/, "").split("/");
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const template = operation.path.split("/");
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = segments[index] ?? "";
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part === segment;
      if (segment === "") return false;
      params[name] = decodeURIComponent(segment);
      return true;
    });
    if (matches) return { operation, params };
  }
  return undefined;
}
