import { canRequestNamespaceChange } from "@/lib/auth/policy";
import type { Viewer } from "@/lib/auth/viewer";
import type { CheckResult } from "@/lib/environments/checks/change";
import { failureSummary } from "@/lib/environments/checks/run-checks";
import type { ReviewForecast } from "@/lib/environments/checks/review-forecast";
import type { PlatformProfile } from "@/lib/environments/profile/profile";
import type { ResourceRequest } from "@/lib/environments/requests/resource-request";
import { InvalidResourceRequestError, renderResourceFiles } from "@/lib/environments/render/render-resource-files";
import type { NamespaceRecord } from "@/lib/environments/types";
import { validateResourceRequest } from "@/lib/environments/requests/validate-resource-request";
import { AppError } from "@/lib/errors";
import { authorize } from "../authorize";
import { checkChange } from "./check-change";
import { loadHclParser } from "@/lib/environments/edit/hcl/load-hcl-parser";

export interface PreparedResources {
  fields: Record<string, string>;
  value: ResourceRequest | null;
  files: { path: string; content: string; previous: string | null }[];
  /** The repository's PR checks over the files. */
  checks: CheckResult[];
  review: ReviewForecast | null;
}

/**
 * Everything checked before AWS resources for a namespace become a pull
 * request, with nothing written: only the namespace's owners may ask; names
 * are Terraform identifiers free in the namespace; IRSA only references
 * resources that exist or come in the same request; every module block
 * fits its catalogue interface; and the repository's checks and the review
 * forecast run over the changed files.
 */
export async function prepareResourceRequest(
  viewer: Viewer | null,
  namespace: NamespaceRecord | undefined,
  input: unknown,
  deps: { profile: PlatformProfile; readFile: (path: string) => Promise<string | null> },
): Promise<PreparedResources> {
  if (!namespace) throw new AppError("not_found", "No such namespace");
  authorize(viewer, canRequestNamespaceChange(viewer, namespace));
  const checked = validateResourceRequest(input, { namespace, profile: deps.profile });
  if (!checked.ok) return { fields: checked.fields, value: null, files: [], checks: [], review: null };

  const current = new Map<string, string | null>();
  for (const file of namespace.files.filter((f) => f.startsWith("resources/") && f.endsWith(".tf"))) {
    const path = `${namespace.path}/${file}`;
    current.set(path, await deps.readFile(path));
  }
  const hcl = await loadHclParser();
  let rendered;
  try {
    rendered = renderResourceFiles(checked.value, { namespace, profile: deps.profile, hcl, readFile: (path) => current.get(path) ?? null });
  } catch (error) {
    // A block that would not fit its module's interface (or a variable the namespace cannot supply): field errors, nothing written.
    if (error instanceof InvalidResourceRequestError) return { fields: error.fields, value: null, files: [], checks: [], review: null };
    throw error;
  }
  const files = rendered.map((f) => ({ ...f, previous: current.get(f.path) ?? null }));
  const { checks, review } = await checkChange(files, { profile: deps.profile, author: viewer, readBase: deps.readFile, namespace });
  const fields: Record<string, string> = {};
  const failed = failureSummary(checks, deps.profile);
  if (failed) fields.policy = failed;
  return { fields, value: checked.value, files, checks, review };
}
