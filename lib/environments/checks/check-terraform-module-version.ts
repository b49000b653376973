import { compareVersions, latestVersion } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { parseModuleSource } from "../repository/parse-module-source";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { namespacePath, orPass, type Change, type CheckResult } from "./change";

/**
 * check-terraform-module-version: every module a changed `.tf` file uses
 * (every block in the file, not only the changed ones) must be pinned to that
 * module's latest release. A platform module Berth has no latest version for
 * is a warning: the repository's check would know, Berth does not.
 */
export function checkTerraformModuleVersion(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.moduleVersion;
  const out: CheckResult[] = [];
  let modules = 0;
  for (const file of change.files) {
    if (file.content === null || !file.path.endsWith(".tf")) continue;
    const rel = namespacePath(file.path, profile)?.rel ?? file.path;
    for (const m of scanTerraformModules(file.content).modules) {
      if (m.source === null) continue;
      const parsed = parseModuleSource(m.source, profile.modulePrefix);
      // Only the platform's own modules (the source names the module prefix) have releases the check knows.
      if (!profile.modulePrefix || !m.source.includes(profile.modulePrefix)) continue;
      modules++;
      const latest = latestVersion(profile, parsed.module);
      const pin = parsed.ref ?? m.version;
      if (latest === undefined) {
        out.push({ id, status: "warn", message: `${rel}: module ${m.name} uses ${parsed.module}, whose latest release Berth does not know`, file: file.path });
      } else if (pin === null || compareVersions(pin, latest) !== 0) {
        out.push({
          id,
          status: "fail",
          message: `${rel}: module ${m.name} is ${pin === null ? "not pinned" : `pinned to ${parsed.module} ${pin}`}; the latest release is ${latest}`,
          file: file.path,
        });
      }
    }
  }
  return orPass(
    id,
    out,
    modules === 0
      ? "the changed files use no platform module"
      : modules === 1
        ? "the module in the changed files is at its latest release"
        : `all ${modules} modules in the changed files are at their latest release`,
  );
}
