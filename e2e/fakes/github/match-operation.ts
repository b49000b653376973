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
export function matchOperation(operations: readonly RestOperation[], method: string, pathname: string): MatchedOperation | undefined {
  const segments = pathname.replace(/\/+$/, "").split("/");
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const template = operation.path.split("/");
    // Note: a trailing `{ref}` (git/get-ref, git/update-ref) takes the rest of the
    // path, as GitHub does for `heads/feature/x` sent with or without %2F.
    const greedy = template.at(-1) === "{ref}" && segments.length > template.length;
    if (template.length !== segments.length && !greedy) continue;
    const params: Record<string, string> = {};
    const matches = template.every((part, index) => {
      const segment = greedy && index === template.length - 1 ? segments.slice(index).join("/") : (segments[index] ?? "");
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
