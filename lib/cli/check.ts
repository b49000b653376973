import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CheckResult } from "../environments/checks/change";
import { checkExistingNamespace } from "../environments/checks/check-existing-namespace";
import { namespacesDir } from "../environments/profile/namespaces-dir";
import { clusterNameForDomain } from "../environments/profile/profile";
import { UsageError, type CliCommand } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";

const usage = `Usage: berth check --repo <path> [--namespace <cluster>/<name>] [--json] [--profile <file>]

Runs the environments repository's own PR checks (rego-namespace-policy,
check-permissions, reject-multi-namespace-prs, iam-role-policy-changes-check,
check-terraform-module-version, malformed-yaml, yaml-metadata-change-check,
compare-namespaces, ecr-deletion-check) over each namespace folder of the
checkout's working tree, as if the folder were a new pull request. Exits 1
when a namespace fails a check.

  --repo <path>                 the environments repository (a checkout)
  --namespace <cluster>/<name>  one namespace (cluster name or domain)
  --json                        { "namespaces": [ { cluster, name, checks: [ { id, status, message, file } ] } ] }
  --profile <file>              a platform profile (JSON); default: Cloud Platform
`;

/** Files that are not text the checks could read; skipped rather than decoded as nonsense. */
const MAX_BYTES = 2 << 20;

function filesUnder(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const info = statSync(full);
    if (info.isDirectory()) Object.assign(out, filesUnder(full, `${prefix}${entry}/`));
    else if (info.isFile() && info.size <= MAX_BYTES) out[`${prefix}${entry}`] = readFileSync(full, "utf8");
  }
  return out;
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "run the repository's PR checks over existing namespaces",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      repo: { type: "string" },
      namespace: { type: "string" },
      json: { type: "boolean" },
      profile: { type: "string" },
    });
    if (!values.repo) throw new UsageError("--repo <path> is required");
    const profile = profileOption(values.profile);
    const root = path.join(values.repo, namespacesDir(profile));
    if (!existsSync(root)) throw new UsageError(`${root} does not exist; is --repo an environments repository?`);
    const only = values.namespace?.split("/");
    if (only && (only.length !== 2 || !only[0] || !only[1])) throw new UsageError("--namespace is <cluster>/<name>, e.g. live/my-namespace");

    const namespaces: { cluster: string; name: string; checks: CheckResult[] }[] = [];
    for (const domain of readdirSync(root).sort()) {
      if (!statSync(path.join(root, domain)).isDirectory()) continue;
      const cluster = clusterNameForDomain(profile, domain);
      if (only && only[0] !== cluster && only[0] !== domain) continue;
      for (const name of readdirSync(path.join(root, domain)).sort()) {
        const dir = path.join(root, domain, name);
        if ((only && only[1] !== name) || !statSync(dir).isDirectory()) continue;
        const folder = `${namespacesDir(profile)}/${domain}/${name}`;
        namespaces.push({ cluster, name, checks: checkExistingNamespace(folder, filesUnder(dir), profile) });
      }
    }
    if (only && namespaces.length === 0) throw new UsageError(`no namespace ${values.namespace} in ${root}`);
    const failing = namespaces.filter((n) => n.checks.some((c) => c.status === "fail"));
    if (values.json) {
      io.stdout(JSON.stringify({ namespaces }, null, 2) + "\n");
    } else {
      const warned = namespaces.filter((n) => !failing.includes(n) && n.checks.some((c) => c.status === "warn"));
      const lines = [`${namespaces.length} namespaces checked: ${failing.length} fail, ${warned.length} pass with warnings`];
      for (const n of [...failing, ...warned]) {
        lines.push(`${n.cluster}/${n.name}`);
        for (const c of n.checks.filter((c) => c.status !== "pass")) lines.push(`  ${c.status === "fail" ? "FAIL" : "warn"} ${c.id}: ${c.message}`);
      }
      io.stdout(lines.join("\n") + "\n");
    }
    return failing.length > 0 ? 1 : 0;
  },
};
