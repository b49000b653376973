import type { Env } from "@/lib/env";
import type { NamespaceRecord } from "@/lib/environments/types";

/** Where a namespace file is shown: the configured web URL of the repository, or Berth's own viewer. */
export function fileLink(env: Pick<Env, "BERTH_REPO_WEB_URL">, ns: NamespaceRecord, file: string, commit: string): string {
  const template = env.BERTH_REPO_WEB_URL;
  if (template) return template.replaceAll("{commit}", commit).replaceAll("{path}", `${ns.path}/${file}`);
  const encoded = file.split("/").map(encodeURIComponent).join("/");
  return `/namespaces/${encodeURIComponent(ns.cluster)}/${encodeURIComponent(ns.name)}/files/${encoded}`;
}
