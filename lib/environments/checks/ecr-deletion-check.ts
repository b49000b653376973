import type { PlatformProfile } from "../profile/profile";
import { parseModuleSource } from "../repository/parse-module-source";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";

const ECR_MODULE = "ecr-credentials";

function ecrBlocks(text: string | null, profile: PlatformProfile): Set<string> {
  if (text === null) return new Set();
  return new Set(
    scanTerraformModules(text)
      .modules.filter((m) => m.source !== null && parseModuleSource(m.source, profile.modulePrefix).module === ECR_MODULE)
      .map((m) => m.name),
  );
}

/**
 * ecr-deletion-check: removing an ecr-credentials module (deleting its file
 * or its block) deletes the registry repository and its images on apply, so
 * the change is flagged for care rather than refused.
 */
export function ecrDeletionCheck(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.ecrDeletion;
  const out: CheckResult[] = [];
  for (const file of change.files) {
    if (!file.path.endsWith(".tf") || file.previous === null) continue;
    const after = ecrBlocks(file.content, profile);
    const rel = namespacePath(file.path, profile)?.rel ?? file.path;
    for (const name of ecrBlocks(file.previous, profile))
      if (!after.has(name))
        out.push({ id, status: "warn", message: `${rel}: removes ECR repository module ${name}; its images are deleted with it`, file: file.path });
  }
  return orPass(id, out, "no ECR repository is removed");
}
