import type { Viewer } from "@/lib/auth/viewer";
import { runGit } from "@/lib/environments/repository/run-git";
import { AppError } from "@/lib/errors";
import { getNamespace, type NamespaceDeps } from "./get-namespace";
import type { Services } from "./services";

export interface NamespaceSource {
  path: string;
  commit: string;
  /** Null when the file is not text. */
  text: string | null;
}

/** A file of an indexed namespace folder, at the indexed commit. Only files the index listed can be read. */
export async function readNamespaceSource(
  deps: NamespaceDeps & Pick<Services, "env">,
  viewer: Viewer | null,
  cluster: string,
  name: string,
  file: string,
): Promise<NamespaceSource> {
  const { namespace, commit } = await getNamespace(deps, viewer, cluster, name);
  // Note: the file must be one the index found in this folder, so no path can reach outside it.
  if (!namespace.files.includes(file)) throw new AppError("not_found", `No file ${file} in ${name}`);
  const path = `${namespace.path}/${file}`;
  const blob = await runGit(deps.env.environmentsRepo, ["cat-file", "blob", `${commit}:${path}`]);
  const text = blob.includes(0) ? null : blob.toString("utf8");
  return { path, commit, text };
}
