import { latestVersions } from "../profile/module-version";
import type { PlatformProfile } from "../profile/profile";
import { createRng, type Rng } from "./create-rng";
import { planApplicationModules, planNamespaceModules } from "./plan-module-groups";
import type { SampleExtraTeam, SampleNamespace, SampleNarrowerAccess } from "./sample-namespace";
import { displayNameOfSlug, sampleTeams, type SampleTeam } from "./sample-teams";
import { anchorTeams, sampleUsers } from "./sample-users";
import { applicationSuffixes, applicationWordsFor } from "./sample-words";

export interface PlanSampleNamespacesOptions {
  namespaces: number;
  seed: number;
  profile: PlatformProfile;
  /** Review-after dates fall either side of this day. */
  now: Date;
}

/** Relative size of each business unit, like a real organisation; a unit not listed weighs 4. */
const businessUnitWeights: Record<string, number> = {
  HMPPS: 45,
  LAA: 14,
  HMCTS: 7,
  Platforms: 8,
  "Central Digital": 8,
  HQ: 6,
  "Technology Services": 5,
  OPG: 3,
  CICA: 2,
};

type Role = "dev" | "test" | "uat" | "staging" | "preprod" | "prod" | "sandbox";
/** Sets of environments an application runs, by how common they are (about 28% production overall). */
const environmentSets: (readonly [Role[], number])[] = [
  [["dev", "staging", "preprod", "prod"], 30],
  [["dev", "preprod", "prod"], 20],
  [["dev", "prod"], 15],
  [["dev", "staging", "prod"], 10],
  [["dev"], 8],
  [["sandbox"], 7],
  [["test", "staging", "preprod", "prod"], 5],
  [["dev", "test", "uat", "preprod", "prod"], 5],
];
const roleAliases: Record<Role, string[]> = {
  dev: ["development", "dev"],
  test: ["test"],
  uat: ["uat", "test"],
  staging: ["staging", "stage"],
  preprod: ["preprod", "pre-production"],
  prod: ["production", "prod"],
  sandbox: ["development", "sandbox", "dev"],
};
const roleOrder: Role[] = ["dev", "test", "uat", "staging", "preprod", "prod", "sandbox"];
const DAY = 86_400_000;

/** Plans N namespaces (application x environment) deterministically from the seed. */
export function planSampleNamespaces({ namespaces: count, seed, profile, now }: PlanSampleNamespacesOptions): SampleNamespace[] {
  const rng = createRng(seed);
  const units = profile.businessUnits.map((bu) => [bu, businessUnitWeights[bu] ?? 4] as const);
  const [mainCluster, ...otherClusters] = profile.clusters.map((c) => c.domain);
  const apps = new Set<string>();
  const names = new Set<string>();
  const out: SampleNamespace[] = [];

  for (let appIndex = 0; out.length < count; appIndex++) {
    const anchor = anchorTeams[appIndex];
    const businessUnit = anchor && profile.businessUnits.includes(anchor.businessUnit) ? anchor.businessUnit : rng.weighted(units);
    const team = anchor ?? pickTeam(rng, businessUnit);
    const { slug, application } = planApplication(rng, businessUnit, apps);
    const words = applicationWordsFor(businessUnit);
    const onOther = otherClusters.length > 0 && (appIndex === anchorTeams.length || rng.chance(0.025));
    const clusterDomain = onOther ? rng.pick(otherClusters) : mainCluster!;
    const extraTeams: SampleExtraTeam[] = rng.chance(0.36)
      ? rng
          .sample(
            teamsOf(rng.chance(0.7) ? businessUnit : null).filter((t) => t.slug !== team.slug),
            rng.weighted([
              [1, 75],
              [2, 20],
              [3, 5],
            ]),
          )
          .map((t) => ({ team: t, ownFile: rng.chance(0.8) }))
      : [];
    const slackChannel = rng.chance(0.7) ? team.slug : `${slug}-dev`;
    const appModules = planApplicationModules(rng, latestVersions(profile));
    const environments = resolveEnvironments(rng.weighted(environmentSets), profile.environments);

    for (const { suffix, environment, isProduction, sandbox } of environments) {
      if (out.length >= count) break;
      const name = uniqueName(`${slug}-${suffix}`, names);
      out.push({
        name,
        clusterDomain,
        businessUnit,
        application,
        applicationSlug: slug,
        environment,
        isProduction,
        team,
        extraTeams,
        slackChannel,
        sourceCode: `https://github.com/${profile.defaults.githubOwner}/${slug}`,
        serviceArea: words.serviceArea,
        reviewAfter: isProduction ? "" : reviewAfter(rng, now, profile.defaults.reviewAfterMonths, sandbox),
        skipApply: rng.chance(0.02),
        certificate: rng.chance(isProduction ? 0.3 : 0.08),
        serviceMonitor: rng.chance(0.15),
        modules: planNamespaceModules(rng, appModules, latestVersions(profile)),
        lacksEnvironmentVariable: rng.chance(0.11),
        ymlManifests: rng.chance(0.04),
        narrowerAccess: rng.chance(0.12) ? narrowerAccess(rng, team, extraTeams) : null,
      });
    }
  }
  if (out.length >= 20) {
    // Every real shape at least once, so the demo and the tests always meet them.
    if (!out.some((n) => n.skipApply)) rng.pick(out.filter((n) => !n.isProduction)).skipApply = true;
    if (!out.some((n) => n.lacksEnvironmentVariable)) rng.pick(out).lacksEnvironmentVariable = true;
    if (!out.some((n) => n.narrowerAccess)) {
      const ns = rng.pick(out);
      ns.narrowerAccess = narrowerAccess(rng, ns.team, ns.extraTeams);
    }
    if (!out.some((n) => n.ymlManifests && hasExtraManifest(n))) {
      const candidates = out.filter(hasExtraManifest);
      const ns = candidates.length > 0 ? rng.pick(candidates) : rng.pick(out);
      ns.serviceMonitor ||= candidates.length === 0;
      ns.ymlManifests = true;
    }
  }
  return out;
}

/** Whether the namespace has manifests beyond the standard files (the ones that may be .yml). */
export function hasExtraManifest(ns: SampleNamespace): boolean {
  return ns.certificate || ns.serviceMonitor || ns.extraTeams.some((t) => t.ownFile) || Boolean(ns.narrowerAccess);
}

function narrowerAccess(rng: Rng, owner: SampleTeam, extraTeams: SampleExtraTeam[]): SampleNarrowerAccess {
  const taken = new Set([owner.slug, ...extraTeams.map((t) => t.team.slug)]);
  const team = rng.pick(sampleTeams.filter((t) => !taken.has(t.slug)));
  return { team, user: rng.chance(0.3) ? rng.pick(sampleUsers).login : null };
}

function pickTeam(rng: Rng, businessUnit: string): SampleTeam {
  // Zipf-like: a unit's first teams own most of its namespaces.
  return rng.weighted(teamsOf(businessUnit).map((t, i) => [t, 1 / (i + 1) ** 0.8] as const));
}

function teamsOf(businessUnit: string | null): readonly SampleTeam[] {
  const own = businessUnit ? sampleTeams.filter((t) => t.businessUnit === businessUnit) : [];
  return own.length > 0 ? own : sampleTeams;
}

/** A new application slug and its display name: a whole service name while any are free, else composed from words. */
function planApplication(rng: Rng, businessUnit: string, taken: Set<string>): { slug: string; application: string } {
  const words = applicationWordsFor(businessUnit);
  const claim = (slug: string, application: string) => {
    taken.add(slug);
    return { slug, application };
  };
  const freeServices = words.services.filter((s) => !taken.has(s));
  if (freeServices.length > 0 && rng.chance(0.3)) {
    const slug = rng.pick(freeServices);
    return claim(slug, /^(hmpps|laa|opg|cica|hmcts|moj)-/.test(slug) ? displayNameOfSlug(slug) : sentenceCase(slug));
  }
  for (let attempt = 0; attempt < 30; attempt++) {
    const slug = [rng.pick(words.prefixes), rng.pick(words.subjects), rng.pick(applicationSuffixes)].filter(Boolean).join("-");
    if (slug.length <= 48 && !taken.has(slug)) return claim(slug, displayNameOfSlug(slug));
  }
  // Note: word lists run out for very large N; a number keeps names unique.
  const base = `${rng.pick(words.prefixes) || "app"}-${rng.pick(words.subjects)}`.slice(0, 40);
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return claim(`${base}-${n}`, displayNameOfSlug(`${base}-${n}`));
}

function uniqueName(candidate: string, taken: Set<string>): string {
  let name = candidate.slice(0, 63).replace(/-+$/, "");
  for (let n = 2; taken.has(name); n++) name = `${candidate.slice(0, 58)}-${n}`;
  taken.add(name);
  return name;
}

interface ResolvedEnvironment {
  suffix: string;
  environment: string;
  isProduction: boolean;
  sandbox: boolean;
}

/** Maps roles onto the profile's environment names; a profile without, say, `preprod` gets its nearest. */
function resolveEnvironments(roles: Role[], environments: string[]): ResolvedEnvironment[] {
  const seen = new Set<string>();
  const out: ResolvedEnvironment[] = [];
  for (const role of roles) {
    const environment =
      environments.find((e) => roleAliases[role].includes(e.toLowerCase())) ??
      (role === "prod" ? environments[environments.length - 1]! : environments[Math.min(roleOrder.indexOf(role), environments.length - 1)]!);
    const suffix = role === "sandbox" || role === "uat" ? role : shortEnvironment(environment);
    if (seen.has(suffix)) continue;
    seen.add(suffix);
    out.push({ suffix, environment, isProduction: role === "prod" || /^prod(uction)?$/i.test(environment), sandbox: role === "sandbox" });
  }
  return out;
}

function shortEnvironment(environment: string): string {
  const known: Record<string, string> = { development: "dev", production: "prod", "pre-production": "preprod" };
  const lower = environment.toLowerCase();
  return known[lower] ?? (lower.replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "env");
}

function reviewAfter(rng: Rng, now: Date, months: number, sandbox: boolean): string {
  if (!sandbox && !rng.chance(0.45)) return "";
  const days = rng.chance(0.5) ? -rng.int(1, 270) : rng.int(1, Math.max(1, months) * 31);
  return new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
}

function sentenceCase(slug: string): string {
  const text = slug.replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
