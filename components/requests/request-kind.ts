/** What a request asks for, in words for lists; a kind this Berth does not know yet is shown as itself. */
export function requestKindText(kind: string): string {
  const known: Record<string, string> = { namespace: "New namespace", resources: "AWS resources", edit: "An edit" };
  return known[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1).replace(/_/g, " ")}`;
}
