import type { PlatformProfile } from "../profile/profile";
import { parseYamlDocuments } from "../repository/parse-yaml-documents";
import { isRecord } from "../repository/read-namespace-file";
import { namespacePath, type Change, type CheckResult } from "./change";

/** The `github:<team>` Group subjects of a 01-rbac.yaml. */
export function rbacTeams(text: string): string[] {
  const teams = new Set<string>();
  for (const { value } of parseYamlDocuments(text)) {
    if (!isRecord(value) || !Array.isArray(value.subjects)) continue;
    for (const s of value.subjects)
      if (isRecord(s) && s.kind === "Group" && typeof s.name === "string" && s.name.startsWith("github:")) teams.add(s.name.slice("github:".length));
  }
  return [...teams].sort();
}

/**
 * check-permissions: for each live-cluster namespace the change touches, the
 * author must be in a team its 01-rbac.yaml binds, read from the base
 * branch for a namespace that exists there and from the change's own copy for
 * a new one; members of the reviewer teams (WebOps) always pass. Without an
 * author (`berth check`), it reports the teams that could pass, and warns
 * when none is bound.
 */
export function checkPermissions(change: Change, profile: PlatformProfile): CheckResult[] {
  const id = profile.policy.checkIds.permissions;
  const folders = new Map<string, string>();
  for (const f of change.files) {
    const at = namespacePath(f.path, profile);
    if (at?.live) folders.set(at.folder, at.name);
  }
  if (folders.size === 0) return [{ id, status: "pass", message: "the change touches no live-cluster namespace", file: null }];
  const out: CheckResult[] = [];
  const reviewers = profile.policy.reviewerTeams;
  for (const [folder, name] of [...folders].sort()) {
    const path = `${folder}/01-rbac.yaml`;
    const onBase = change.readBase(path);
    const text = onBase ?? change.files.find((f) => f.path === path)?.content ?? null;
    const teams = text === null ? [] : rbacTeams(text);
    const source = onBase !== null ? "on main" : "in this change";
    const author = change.author;
    if (!author) {
      out.push(
        teams.length > 0
          ? {
              id,
              status: "pass",
              message: `${name}: members of ${teams.join(", ")} (01-rbac.yaml ${source}) or ${reviewers.join(", ")} may change it`,
              file: path,
            }
          : {
              id,
              status: "warn",
              message: `${name}: 01-rbac.yaml ${source} binds no GitHub team: only ${reviewers.join(", ")} can pass this check`,
              file: path,
            },
      );
      continue;
    }
    const member = teams.filter((t) => author.teams.includes(t));
    const reviewer = reviewers.filter((t) => author.teams.includes(t));
    if (member.length > 0)
      out.push({ id, status: "pass", message: `${name}: ${author.login} is a member of ${member.join(", ")} (01-rbac.yaml ${source})`, file: path });
    else if (reviewer.length > 0)
      out.push({ id, status: "pass", message: `${name}: ${author.login} is a member of ${reviewer.join(", ")}, who may change any namespace`, file: path });
    else
      out.push({
        id,
        status: "fail",
        message: `${name}: ${author.login} is not a member of ${teams.length > 0 ? teams.join(" or ") : "any team"}, the team${teams.length === 1 ? "" : "s"} 01-rbac.yaml binds ${source}`,
        file: path,
      });
  }
  return out;
}
