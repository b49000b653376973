import { latestVersion } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { moduleSourceFor, renderModuleBlock, type ModuleBlockSpec } from "./render-module-block";
import type { RepoFile } from "./render-namespace-files";
import { RESOURCE_KINDS, type NewResourceAnswer, type ResourceRequest } from "../requests/resource-request";
import { rewriteModuleRef } from "../edit/rewrite-module-ref";
import type { NamespaceRecord } from "../types";
import { moduleBlocksOf, validateResourceRequest } from "../requests/validate-resource-request";

export interface RenderResourceContext {
  namespace: NamespaceRecord;
  profile: PlatformProfile;
  /** A file's current contents by path from the repository root, or null when it does not exist; read for upgrades only. */
  readFile: (pathFromRepoRoot: string) => string | null;
}

/** A resource request that does not pass validateResourceRequest for this namespace; `fields` maps each field to its first message. */
export class InvalidResourceRequestError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(
      `invalid resource request: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join("; ")}`,
    );
    this.name = "InvalidResourceRequestError";
  }
}

/**
 * The files a resource request's pull request adds or changes, sorted by
 * path from the repository root: `<namespace>/resources/<name>.tf` per new
 * resource (its module block(s) pinned to the catalogue's version and the
 * Secret with its outputs), and for upgrades the module's existing file with
 * only the pin changed. Deterministic.
 *
 * Note: the request is validated again here, whatever the caller did, so no
 * unchecked value reaches a file; an invalid one throws
 * InvalidResourceRequestError, an upgrade whose file cannot be read or
 * rewritten throws ModuleRefRewriteError.
 */
export function renderResourceFiles(value: ResourceRequest, context: RenderResourceContext): RepoFile[] {
  const { namespace, profile } = context;
  const checked = validateResourceRequest(value, context);
  if (!checked.ok) throw new InvalidResourceRequestError(checked.fields);
  const files = new Map<string, string>();
  for (const answer of checked.value.resources) {
    if (answer.kind === "upgrade") {
      const use = namespace.modules.find((m) => m.name === answer.name)!;
      const path = `${namespace.path}/${use.file}`;
      const current = files.get(path) ?? context.readFile(path);
      if (current === null) throw new InvalidResourceRequestError({ [`resources.${checked.value.resources.indexOf(answer)}.name`]: `${path} cannot be read` });
      files.set(path, rewriteModuleRef(current, answer.name, answer.version));
      continue;
    }
    const blocks = moduleBlocksOf(answer).map(({ label, module }) =>
      renderModuleBlock(
        label,
        moduleSourceFor(profile, module, latestVersion(profile, module)!),
        specFor(answer, label, namespace),
        `${label.replace(/_/g, "-")}-output`,
      ),
    );
    files.set(`${namespace.path}/resources/${answer.name}.tf`, blocks.join("\n"));
  }
  return [...files].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function fieldDefault<T>(kind: string, field: string): T {
  return RESOURCE_KINDS.find((k) => k.kind === kind)!.fields.find((f) => f.name === field)!.default as T;
}

function specFor(answer: NewResourceAnswer, label: string, ns: NamespaceRecord): ModuleBlockSpec {
  const dash = label.replace(/_/g, "-");
  switch (answer.kind) {
    case "rds":
      return label === answer.name
        ? {
            module: "rds-instance",
            engineVersion: answer.engineVersion,
            instanceClass: answer.instanceClass,
            performanceInsights: ns.isProduction,
            autoStartStop: !ns.isProduction,
            storageLimitGb: answer.storageLimitGb,
          }
        : { module: "rds-replica", replicaOf: answer.name, engineVersion: answer.engineVersion, instanceClass: answer.instanceClass };
    case "s3":
      return { module: "s3-bucket", versioning: answer.versioning ?? false, publicAccessJustification: answer.publicAccess ? answer.justification : undefined };
    case "sqs":
      return label === answer.name
        ? { module: "sqs", sqsName: `${ns.name}-${dash}`, retentionSeconds: 345600, deadLetterOf: answer.deadLetterQueue ? `${answer.name}_dlq` : undefined }
        : { module: "sqs", sqsName: `${ns.name}-${dash}`, retentionSeconds: 1209600 };
    case "sns":
      return { module: "sns-topic", displayName: answer.displayName };
    case "elasticache":
      return {
        module: "elasticache-cluster",
        engineVersion: answer.engineVersion ?? fieldDefault("elasticache", "engineVersion"),
        nodeType: answer.nodeType ?? fieldDefault("elasticache", "nodeType"),
      };
    case "dynamodb":
      return { module: "dynamodb-cluster", hashKey: answer.hashKey, rangeKey: answer.rangeKey };
    case "ecr":
      return { module: "ecr-credentials", repoName: `${ns.name}-${dash}`, githubRepositories: [] };
    case "serviceaccount":
      return { module: "serviceaccount", githubRepositories: answer.githubRepositories ?? [], serviceAccountName: dash };
    case "irsa":
      return { module: "irsa", serviceAccountName: answer.serviceAccount, policies: answer.policies };
  }
}
