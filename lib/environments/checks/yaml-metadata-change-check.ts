import type { PlatformProfile } from "../profile/profile";
import { isRecord } from "../repository/read-namespace-file";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";
import { readYamlStream } from "./read-yaml-stream";

function names(text: string): { kind: string; name: string }[] {
  return readYamlStream(text).values.map((v) => {
    const metadata = isRecord(v) && isRecord(v.metadata) ? v.metadata : {};
    return { kind: isRecord(v) ? String(v.kind ?? "") : "", name: String(metadata.name ?? "") };
  });
}

/**
 * yaml-metadata-change-check: a modified YAML file must keep each document's
 * metadata.name (renaming a Namespace or RoleBinding in place deletes and
 * recreates it). Documents are compared in order, where the kind is the same.
 */
export function yamlMetadataChangeCheck(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.metadataName;
  const out: CheckResult[] = [];
  for (const file of change.files) {
    if (file.content === null || file.previous === null || !/\.ya?ml$/i.test(file.path)) continue;
    const before = names(file.previous);
    const after = names(file.content);
    const rel = namespacePath(file.path, profile)?.rel ?? file.path;
    before.forEach((b, i) => {
      const a = after[i];
      if (a && a.kind === b.kind && b.name !== "" && a.name !== b.name)
        out.push({ id, status: "fail", message: `${rel}: ${b.kind} metadata.name changes from ${b.name} to ${a.name || "(none)"}`, file: file.path });
    });
  }
  return orPass(id, out, "no metadata.name changes");
}
