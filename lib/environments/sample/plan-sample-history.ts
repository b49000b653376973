import { latestVersion } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { createRng, type Rng } from "./create-rng";
import { olderVersions } from "./older-versions";
import type { SampleNamespace } from "./sample-namespace";
import { sampleUsers } from "./sample-users";

export interface SamplePerson {
  name: string;
  email: string;
}

/** One commit of the sample history: whole namespaces written as they stand after it. */
export interface SampleCommit {
  message: string;
  author: SamplePerson;
  /** Unix seconds, UTC. */
  time: number;
  /** Files outside namespace folders, by repository path. */
  files: Record<string, string>;
  /** Namespaces added (no `before`) or changed. */
  changes: { before?: SampleNamespace; after: SampleNamespace }[];
}

/** A change made after a namespace was added: `revert` gives its earlier state. */
interface LaterChange {
  message: (count: number) => string;
  applies: (ns: SampleNamespace) => boolean;
  chance: number;
  revert: (ns: SampleNamespace) => SampleNamespace;
  apply: (current: SampleNamespace, final: SampleNamespace) => SampleNamespace;
}

export interface PlanSampleHistoryOptions {
  profile: PlatformProfile;
  seed: number;
  /** The last commit falls about ten days before this. */
  now: Date;
  /** How many commits add namespaces; by default 3-16 depending on size. */
  addCommits?: number;
}

const DAY = 86_400;

/**
 * Spreads the namespaces over several "add" commits and interleaves a few later
 * commits that grant teams access, set review-after dates and bump module
 * pins, so the final tree is exactly `namespaces`.
 */
export function planSampleHistory(namespaces: SampleNamespace[], { profile, seed, now, addCommits }: PlanSampleHistoryOptions): SampleCommit[] {
  const rng = createRng(seed ^ 0x5eed);
  const later = laterChanges(namespaces, profile);
  const adds = Math.max(1, Math.min(namespaces.length, addCommits ?? Math.min(16, Math.max(3, Math.ceil(namespaces.length / 25)))));
  const addIndex = namespaces.map((_, i) => Math.floor((i * adds) / namespaces.length));
  const slots = later.map((_, j) => Math.min(adds - 1, Math.floor(adds / 2) + Math.floor((j * Math.ceil(adds / 2)) / later.length)));

  // Which namespaces take part in each later change; they start without it.
  const members = later.map((change, j) => namespaces.filter((ns, i) => addIndex[i]! <= slots[j]! && change.applies(ns) && rng.chance(change.chance)));
  const state = new Map<string, SampleNamespace>();
  members.forEach((list, j) => list.forEach((ns) => state.set(ns.name, later[j]!.revert(state.get(ns.name) ?? ns))));

  const total = 1 + adds + later.length;
  const start = Math.floor(now.getTime() / 1000) - 420 * DAY;
  const step = Math.floor((410 * DAY) / total);
  let pr = 1000 + rng.int(0, 500);
  const commits: SampleCommit[] = [];
  const push = (message: string, changes: SampleCommit["changes"], files: Record<string, string> = {}): void => {
    const time = start + commits.length * step + rng.int(0, 6 * 3600);
    commits.push({ message: `${message} (#${pr++})`, author: author(rng), time, files, changes });
    pr += rng.int(0, 40);
  };

  // The platform's CODEOWNERS (MoJ: every PR needs WebOps), so the review forecast reads it as it would the real one.
  const owners = profile.review.defaultOwners;
  push("Add README", [], {
    "README.md": readme(profile),
    ...(owners.length > 0 ? { ".github/CODEOWNERS": `* ${owners.join(" ")}\n` } : {}),
    ...platformFolders(namespaces, profile),
  });
  for (let a = 0; a < adds; a++) {
    const added = namespaces.filter((_, i) => addIndex[i] === a);
    push(
      addMessage(added),
      added.map((ns) => ({ after: state.get(ns.name) ?? ns })),
    );
    later.forEach((change, j) => {
      if (slots[j] !== a || members[j]!.length === 0) return;
      push(
        change.message(members[j]!.length),
        members[j]!.map((final) => {
          const before = state.get(final.name)!;
          const after = change.apply(before, final);
          state.set(final.name, after);
          return { before, after };
        }),
      );
    });
  }
  return commits;
}

function laterChanges(namespaces: SampleNamespace[], profile: PlatformProfile): LaterChange[] {
  const changes: LaterChange[] = [
    {
      message: (n) => `Give more teams access to ${n} namespace${n === 1 ? "" : "s"}`,
      applies: (ns) => ns.extraTeams.some((t) => t.ownFile),
      chance: 0.4,
      revert: (ns) => ({ ...ns, extraTeams: ns.extraTeams.filter((t) => !t.ownFile) }),
      apply: (current, final) => ({ ...current, extraTeams: final.extraTeams }),
    },
    {
      message: (n) => `Set review-after dates on ${n} non-production namespace${n === 1 ? "" : "s"}`,
      applies: (ns) => ns.reviewAfter !== "",
      chance: 0.3,
      revert: (ns) => ({ ...ns, reviewAfter: "" }),
      apply: (current, final) => ({ ...current, reviewAfter: final.reviewAfter }),
    },
  ];
  // Bumps for the three most used modules that have older releases.
  const uses = new Map<string, number>();
  for (const ns of namespaces) for (const g of ns.modules) uses.set(g.module, (uses.get(g.module) ?? 0) + 1);
  const bumpable = [...uses.entries()]
    .filter(([name]) => olderVersions(latestVersion(profile, name) ?? "").length > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([name]) => name);
  for (const name of bumpable) {
    const current = latestVersion(profile, name)!;
    const previous = olderVersions(current)[0]!;
    const setRef = (ns: SampleNamespace, ref: string): SampleNamespace => ({
      ...ns,
      modules: ns.modules.map((g) => (g.module === name ? { ...g, ref } : g)),
    });
    changes.push({
      message: (n) => `Bump ${name} module to ${current} in ${n} namespace${n === 1 ? "" : "s"}`,
      applies: (ns) => ns.modules.some((g) => g.module === name && g.ref === current),
      chance: 0.3,
      revert: (ns) => setRef(ns, previous),
      apply: (state, final) => setRef(state, final.modules.find((g) => g.module === name)!.ref),
    });
  }
  return changes;
}

function addMessage(added: SampleNamespace[]): string {
  const apps = [...new Set(added.map((ns) => ns.applicationSlug))];
  if (apps.length === 1) return `Add ${apps[0]} namespaces`;
  const counts = new Map<string, number>();
  for (const ns of added) counts.set(ns.businessUnit, (counts.get(ns.businessUnit) ?? 0) + 1);
  const units = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([bu]) => bu);
  const named = units.length > 3 ? `${units.slice(0, 3).join(", ")} and ${units.length - 3} more` : units.join(", ");
  return `Add ${added.length} namespace${added.length === 1 ? "" : "s"} for ${named}`;
}

function author(rng: Rng): SamplePerson {
  const user = rng.pick(sampleUsers);
  return { name: user.name, email: `${user.login}@users.noreply.github.com` };
}

function readme(profile: PlatformProfile): string {
  return `# Sample environments repository

Generated by Berth's sample-data generator for the "${profile.name}" profile.
It follows the layout of a GitOps environments repository: one folder per
namespace under \`${profile.namespacesDir}/<cluster-domain>/<namespace>/\`, with
Kubernetes manifests and a \`resources/\` folder of Terraform.

Every name, team and address in it is made up.
`;
}

/** The platform folder a sample holds: in the repository, but without a Namespace document (as the real `monitoring`). */
export const SAMPLE_PLATFORM_FOLDER = "monitoring";

/**
 * Folders of the platform's own namespaces that hold manifests but no
 * Namespace document, as the real `monitoring` does: only when the profile
 * counts the name among its system namespaces, and the sample is not tiny.
 */
function platformFolders(namespaces: SampleNamespace[], profile: PlatformProfile): Record<string, string> {
  if (namespaces.length < 20 || !profile.systemNamespaces.includes(SAMPLE_PLATFORM_FOLDER)) return {};
  const domain = profile.clusters[0]!.domain;
  return {
    [`${profile.namespacesDir}/${domain}/${SAMPLE_PLATFORM_FOLDER}/prometheus-rules.yaml`]: `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: platform-alerts
  namespace: ${SAMPLE_PLATFORM_FOLDER}
spec:
  groups:
    - name: platform
      rules:
        - alert: KubePodCrashLooping
          expr: rate(kube_pod_container_status_restarts_total[5m]) > 0
          for: 15m
          labels:
            severity: warning
`,
  };
}
