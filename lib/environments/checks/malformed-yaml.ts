import type { PlatformProfile } from "../profile/profile";
import { orPass, type Change, type CheckResult } from "./change";
import { readYamlStream } from "./read-yaml-stream";

/** malformed-yaml: every `.yaml` and `.yml` file the change adds or modifies, at any depth, must parse; files under a `secret/` folder are skipped. */
export function malformedYaml(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.malformedYaml;
  const out: CheckResult[] = [];
  let checked = 0;
  for (const file of change.files) {
    if (file.content === null || !/\.ya?ml$/i.test(file.path) || file.path.split("/").includes("secret")) continue;
    checked++;
    const { error } = readYamlStream(file.content);
    if (error) out.push({ id, status: "fail", message: `${file.path}: line ${error.line}: ${error.message}`, file: file.path });
  }
  return orPass(id, out, checked === 0 ? "the change has no YAML file" : `${checked} YAML file${checked === 1 ? " parses" : "s parse"}`);
}
