import { latestVersion } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { moduleSourceFor, renderModuleBlock, type ModuleBlockSpec } from "./render-module-block";
import type { RepoFile } from "./render-namespace-files";
import { RESOURCE_KINDS, type NewResourceAnswer, type ResourceRequest } from "../requests/resource-request";
import { rewriteModuleRef } from "../edit/rewrite-module-ref";
import type { NamespaceRecord } from "../types";
import { moduleBlocksOf, validateResourceRequest } from "../requests/validate-resource-request";
import { checkModuleInterfaces } from "./check-module-interfaces";
import { declareVariables, variableFor, type VariableDeclaration } from "./declare-variables";
import { readHclBlocks, referencesIn } from "./read-hcl-blocks";
import { setModuleInput } from "../edit/set-module-input";
import type { HclParser } from "../edit/hcl/load-hcl-parser";

export interface RenderResourceContext {
  namespace: NamespaceRecord;
  profile: PlatformProfile;
  /**
   * A file's current contents by path from the repository root, or null when
   * it does not exist. Read for the namespace's resources/*.tf: upgrades, the
   * variables it declares, and module blocks a new IRSA role references.
   */
  readFile: (pathFromRepoRoot: string) => string | null;
  /** The Terraform parser (`loadHclParser()`), for edits of existing blocks. */
  hcl: HclParser;
  /** The date a new service account's token counts as rotated (YYYY-MM-DD); today (UTC) by default. */
  today?: string;
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

/** SQS's limit on a queue name; the sqs module names a queue `<team_name>-<environment_name>-<sqs_name>`. */
const SQS_NAME_LIMIT = 80;

/**
 * The files a resource request's pull request adds or changes, sorted by
 * path from the repository root: `<namespace>/resources/<name>.tf` per new
 * resource (its module block(s) pinned to the catalogue's version and the
 * Secret with its outputs), variables.tf when those blocks use a variable
 * the namespace does not declare yet (in the file's own style), an existing
 * ElastiCache block gaining `enable_irsa = true` when a new IRSA role takes
 * its policy, and for upgrades the module's existing file with only the pin
 * changed. Deterministic for a given `today`.
 *
 * Note: the request is validated again here, whatever the caller did, so no
 * unchecked value reaches a file; an invalid one throws
 * InvalidResourceRequestError, an upgrade whose file cannot be read or
 * rewritten throws ModuleRefRewriteError. Every module block written is
 * checked against its catalogue interface (checkModuleInterfaces); a
 * failure throws InvalidResourceRequestError naming the module and input,
 * and nothing is written.
 */
export function renderResourceFiles(value: ResourceRequest, context: RenderResourceContext): RepoFile[] {
  const { namespace, profile } = context;
  const checked = validateResourceRequest(value, context);
  if (!checked.ok) throw new InvalidResourceRequestError(checked.fields);
  const resources = checked.value.resources;
  const folder = `${namespace.path}/resources/`;
  const existing = new Map<string, string>();
  for (const file of namespace.files.filter((f) => f.startsWith("resources/") && f.endsWith(".tf"))) {
    const text = context.readFile(`${namespace.path}/${file}`);
    if (text !== null) existing.set(`${namespace.path}/${file}`, text);
  }
  const files = new Map<string, string>();
  const fields: Record<string, string> = {};
  const fail = (key: string, message: string) => void (fields[key] = fields[key] ? `${fields[key]}; ${message}` : message);
  const owner = new Map<string, number>();
  const irsaTargets = new Set(resources.flatMap((a) => (a.kind === "irsa" ? a.policies : [])));
  const variables = tagValues([...existing.values()]);
  const ctx: SpecContext = {
    ns: namespace,
    today: context.today ?? new Date().toISOString().slice(0, 10),
    irsaTargets,
  };

  resources.forEach((answer, i) => {
    if (answer.kind === "upgrade") {
      const use = namespace.modules.find((m) => m.name === answer.name)!;
      const path = `${namespace.path}/${use.file}`;
      const current = files.get(path) ?? existing.get(path) ?? context.readFile(path);
      if (current === null) return fail(`resources.${i}.name`, `${path} cannot be read`);
      files.set(path, rewriteModuleRef(current, answer.name, answer.version));
      return;
    }
    const blocks = moduleBlocksOf(answer).map(({ label, module }) => {
      owner.set(label, i);
      const spec = specFor(answer, label, ctx);
      if (spec.module === "sqs") {
        const queue = `${variables.team_name ?? namespace.teams[0] ?? ""}-${variables.environment ?? namespace.environment ?? ""}-${spec.sqsName}`;
        if (queue.length > SQS_NAME_LIMIT) {
          fail(`resources.${i}.name`, `the queue would be named ${queue} (${queue.length} characters); SQS allows ${SQS_NAME_LIMIT}: choose a shorter name`);
        }
      }
      return renderModuleBlock(label, moduleSourceFor(profile, module, latestVersion(profile, module)!), spec, `${label.replace(/_/g, "-")}-output`);
    });
    files.set(`${folder}${answer.name}.tf`, blocks.join("\n"));
  });

  enableIrsaOnExisting(namespace, profile, context.hcl, irsaTargets, existing, files, (label, message) =>
    fail(`resources.${indexOfIrsa(resources, label)}.policies`, message),
  );
  declareMissingVariables(namespace, existing, files, (label, message) => fail(owner.has(label) ? `resources.${owner.get(label)}.name` : "resources", message));
  if (Object.keys(fields).length > 0) throw new InvalidResourceRequestError(fields);

  const after = new Map([...existing, ...[...files].filter(([path]) => path.startsWith(folder) && path.endsWith(".tf"))]);
  const written = [...files].filter(([path]) => !existing.has(path)).map(([path, content]) => ({ path, content }));
  for (const failure of checkModuleInterfaces(
    written,
    [...after].map(([path, content]) => ({ path, content })),
    profile,
    namespace.modules,
  )) {
    fail(owner.has(failure.block) ? `resources.${owner.get(failure.block)}.name` : "resources", failure.message);
  }
  if (Object.keys(fields).length > 0) throw new InvalidResourceRequestError(fields);
  return [...files].map(([path, content]) => ({ path, content })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function indexOfIrsa(resources: ResourceRequest["resources"], target: string): number {
  return resources.findIndex((a) => a.kind === "irsa" && a.policies.includes(target));
}

/** Defaults of the namespace's `team_name` and `environment` variables, where its files declare them as plain strings. */
function tagValues(texts: string[]): { team_name?: string; environment?: string } {
  const out: Record<string, string> = {};
  for (const text of texts) {
    for (const block of readHclBlocks(text)) {
      const name = block.labels[0];
      const value = block.type === "variable" && name ? /^"([^"\\]*)"$/.exec(block.attributes.get("default") ?? "") : null;
      if (value && (name === "team_name" || name === "environment")) out[name] = value[1]!;
    }
  }
  return out;
}

/**
 * Existing module blocks whose IRSA policy output is null unless an input is
 * set (ElastiCache: `enable_irsa = true`), taken by a new IRSA role: their
 * file gains that input.
 */
function enableIrsaOnExisting(
  namespace: NamespaceRecord,
  profile: PlatformProfile,
  hcl: HclParser,
  targets: Set<string>,
  existing: Map<string, string>,
  files: Map<string, string>,
  fail: (label: string, message: string) => void,
): void {
  for (const use of namespace.modules.filter((m) => targets.has(m.name))) {
    const condition = profile.modules[use.module]?.interface?.irsaPolicy?.condition;
    if (!condition) continue;
    const [input, value] = condition.split("=").map((s) => s.trim());
    const path = `${namespace.path}/${use.file}`;
    const current = files.get(path) ?? existing.get(path) ?? null;
    const edited = current === null || !input || !value ? null : setModuleInput(hcl, current, use.name, input, value);
    if (edited === null) return fail(use.name, `${use.name} (${use.module}) needs ${condition} for its IRSA policy; set it in ${use.file} by hand first`);
    if (edited !== current) files.set(path, edited);
  }
}

/** Adds to variables.tf the variables the new blocks use and the namespace lacks, with values from its metadata. */
function declareMissingVariables(
  namespace: NamespaceRecord,
  existing: Map<string, string>,
  files: Map<string, string>,
  fail: (label: string, message: string) => void,
): void {
  const declared = new Set(
    [...existing.values()].flatMap((t) =>
      readHclBlocks(t)
        .filter((b) => b.type === "variable")
        .map((b) => b.labels[0]!),
    ),
  );
  const missing = new Map<string, string>();
  for (const [path, text] of files) {
    if (existing.has(path)) continue;
    for (const block of readHclBlocks(text)) {
      for (const v of referencesIn(block.code).variables) if (!declared.has(v) && !missing.has(v)) missing.set(v, block.labels.at(-1) ?? "");
    }
  }
  if (missing.size === 0) return;
  const declarations: VariableDeclaration[] = [];
  for (const [name, label] of missing) {
    const declaration = variableFor(name, namespace);
    if (declaration === null)
      fail(
        label,
        `module ${label} uses var.${name}, which the namespace does not declare and its metadata does not give; declare it in resources/variables.tf first`,
      );
    else declarations.push(declaration);
  }
  const path = `${namespace.path}/resources/variables.tf`;
  // Note: a variables.tf that exists but was not read must not be replaced by a new one.
  if (namespace.files.includes("resources/variables.tf") && !files.has(path) && !existing.has(path)) {
    return fail([...missing.values()][0]!, `resources/variables.tf cannot be read, and the new blocks need ${[...missing.keys()].join(", ")} declared there`);
  }
  files.set(path, declareVariables(files.get(path) ?? existing.get(path) ?? null, declarations));
}

function fieldDefault<T>(kind: string, field: string): T {
  return RESOURCE_KINDS.find((k) => k.kind === kind)!.fields.find((f) => f.name === field)!.default as T;
}

interface SpecContext {
  ns: NamespaceRecord;
  today: string;
  /** Labels whose IRSA policy a role in this request takes. */
  irsaTargets: Set<string>;
}

function specFor(answer: NewResourceAnswer, label: string, { ns, today, irsaTargets }: SpecContext): ModuleBlockSpec {
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
      // The module prefixes the queue's name with the team and environment: sqs_name is the short part.
      return label === answer.name
        ? { module: "sqs", sqsName: dash, retentionSeconds: 345600, deadLetterOf: answer.deadLetterQueue ? `${answer.name}_dlq` : undefined }
        : { module: "sqs", sqsName: dash, retentionSeconds: 1209600 };
    case "sns":
      return { module: "sns-topic", displayName: answer.displayName };
    case "elasticache":
      return {
        module: "elasticache-cluster",
        engineVersion: answer.engineVersion ?? fieldDefault("elasticache", "engineVersion"),
        nodeType: answer.nodeType ?? fieldDefault("elasticache", "nodeType"),
        enableIrsa: irsaTargets.has(label),
      };
    case "dynamodb":
      return { module: "dynamodb-cluster", hashKey: answer.hashKey, rangeKey: answer.rangeKey };
    case "ecr":
      return { module: "ecr-credentials", repoName: `${ns.name}-${dash}`, githubRepositories: answer.githubRepositories ?? [] };
    case "serviceaccount":
      // Always named after the block: the module's default role and rolebinding names collide with any other
      // serviceaccount block that keeps them (865 real namespaces have one), and the index cannot tell which do.
      return {
        module: "serviceaccount",
        githubRepositories: answer.githubRepositories ?? [],
        serviceAccountName: dash,
        roleName: `${dash}-role`,
        rolebindingName: `${dash}-rolebinding`,
        tokenRotatedDate: today,
      };
    case "irsa":
      return { module: "irsa", serviceAccountName: answer.serviceAccount, policies: answer.policies };
  }
}
