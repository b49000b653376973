import { compareVersions, latestVersion } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { KIND_MODULES, resourceRequestSchema, type ResourceAnswer, type ResourceRequest } from "./resource-request";
import type { NamespaceRecord } from "../types";
import { hasIrsaPolicy } from "./irsa-policy-sources";

export interface ResourceRequestContext {
  /** The namespace as indexed: its files and module blocks. */
  namespace: Pick<NamespaceRecord, "files" | "modules">;
  profile: Pick<PlatformProfile, "modules">;
}

export type ResourceRequestValidation = { ok: true; value: ResourceRequest } | { ok: false; fields: Record<string, string> };

/** Files every namespace's resources/ folder has; a resource may not take their names. */
const RESERVED = new Set(["main", "variables", "versions"]);

/** The module block labels a new resource adds, with the catalogue module of each: the resource itself, then any companion block. */
export function moduleBlocksOf(answer: Exclude<ResourceAnswer, { kind: "upgrade" }>): { label: string; module: string }[] {
  const own = { label: answer.name, module: KIND_MODULES[answer.kind] };
  if (answer.kind === "sqs" && answer.deadLetterQueue) return [{ label: `${answer.name}_dlq`, module: "sqs" }, own];
  if (answer.kind === "rds" && answer.readReplica) return [own, { label: `${answer.name}_replica`, module: "rds-instance" }];
  return [own];
}

/**
 * Parses a resource request and checks it against the namespace: new names
 * are free (no resources/<name>.tf, no module block of that name, not used
 * twice in the request), IRSA policies name resources that expose an
 * `irsa_policy_arn` (in the namespace or the same request), each kind's
 * module is in the profile's catalogue, and an upgrade names an existing,
 * pinned, catalogued, enabled (not `count = 0`) module block and moves it
 * to the catalogue's current version, never sideways or down. Disabled
 * blocks are no IRSA policy source either: they create nothing. Field paths are like `resources.0.name`.
 */
export function validateResourceRequest(input: unknown, context: ResourceRequestContext): ResourceRequestValidation {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, fields: { request: "expected an object with a resources list" } };
  }
  const fields: Record<string, string> = {};
  const fail = (key: string, message: string) => void (fields[key] ??= message);
  const result = resourceRequestSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) fail(issue.path.map(String).join(".") || "request", issue.message);
    return { ok: false, fields };
  }
  const { namespace, profile } = context;
  const existing = new Map(namespace.modules.map((m) => [m.name, m]));
  const files = new Set(namespace.files);
  const requested = new Map<string, { module: string; index: number }>();
  const upgraded = new Set<string>();

  result.data.resources.forEach((answer, i) => {
    const at = `resources.${i}`;
    if (answer.kind === "upgrade") {
      if (upgraded.has(answer.name)) return fail(`${at}.name`, `${answer.name} is upgraded twice in this request`);
      upgraded.add(answer.name);
      const use = existing.get(answer.name);
      if (!use) return fail(`${at}.name`, `there is no module block named ${answer.name} in this namespace`);
      if (use.disabled) return fail(`${at}.name`, `${answer.name} is disabled (count = 0), so it is not in use; remove it or enable it by hand`);
      const current = latestVersion(profile, use.module);
      if (current === undefined) return fail(`${at}.name`, `${answer.name} uses ${use.module}, which is not in the platform's catalogue; upgrade it by hand`);
      if (use.ref === null) return fail(`${at}.name`, `${answer.name} is not pinned to a version (${use.source}); pin it by hand`);
      // Note: exactly the catalogue's string, never one that only compares equal (v9.2.0, 9.2.0.0, 09.2.0, 9.2): Berth writes the answer as typed.
      if (answer.version !== current) {
        return fail(`${at}.version`, `upgrades go to the catalogue's version of ${use.module}, ${current}`);
      }
      const order = compareVersions(use.ref, answer.version);
      if (order === 0) return fail(`${at}.version`, `${answer.name} is already at ${use.ref}`);
      if (order !== null && order > 0)
        return fail(`${at}.version`, `${answer.name} is pinned at ${use.ref}, ahead of the catalogue's ${current}; Berth does not downgrade`);
      return;
    }
    const catalogued = KIND_MODULES[answer.kind];
    if (latestVersion(profile, catalogued) === undefined) return fail(`${at}.kind`, `the platform's catalogue has no ${catalogued} module`);
    if (RESERVED.has(answer.name)) return fail(`${at}.name`, `resources/${answer.name}.tf is one of the namespace's standard files; choose another name`);
    if (files.has(`resources/${answer.name}.tf`)) return fail(`${at}.name`, `resources/${answer.name}.tf already exists in this namespace`);
    for (const block of moduleBlocksOf(answer)) {
      const companion = block.label === answer.name ? "" : ` (the name of its ${block.label.endsWith("_dlq") ? "dead-letter queue" : "read replica"})`;
      const clash = existing.get(block.label);
      if (clash) return fail(`${at}.name`, `a module block named ${block.label}${companion} already exists in ${clash.file}`);
      const twice = requested.get(block.label);
      if (twice) return fail(`${at}.name`, `${block.label}${companion} is already used by resources.${twice.index} in this request`);
    }
    for (const block of moduleBlocksOf(answer)) requested.set(block.label, { module: block.module, index: i });
  });

  result.data.resources.forEach((answer, i) => {
    if (answer.kind !== "irsa") return;
    answer.policies.forEach((ref, j) => {
      const key = `resources.${i}.policies.${j}`;
      const own = requested.get(ref);
      const source = own?.module ?? existing.get(ref)?.module;
      if (source === undefined) return fail(key, `there is no resource named ${ref} in this namespace or request`);
      // A count = 0 block creates nothing: module.<name>.irsa_policy_arn does not exist.
      if (!own && existing.get(ref)?.disabled) return fail(key, `${ref} is disabled (count = 0); it has no policy to give`);
      if (own?.index === i) return fail(key, "an IRSA role cannot take its own policy");
      if (!hasIrsaPolicy(profile, source)) return fail(key, `${ref} is a ${source} module, which has no IRSA policy (irsa_policy_arn)`);
    });
  });

  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, value: result.data };
}
