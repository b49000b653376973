import { modulesSchema } from "../profile/module-catalogue";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile, type PlatformProfile } from "../profile/profile";
import { loadAllYaml } from "../testing/load-all-yaml";
import { defaultSampleNow, generateSampleRepo, SampleRepoTargetError, type GeneratedSampleRepo } from "./generate-sample-repo";
import { planSampleNamespaces } from "./plan-sample-namespaces";
import { SAMPLE_PLATFORM_FOLDER } from "./plan-sample-history";
import { namespaceFolder, renderNamespaceFiles } from "./render-namespace-files";
import { sampleUsers } from "./sample-users";

const N = 60;
const scratch = mkdtempSync(path.join(tmpdir(), "berth-sample-"));
const git = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
const P = profile.labelPrefix;

interface Folder {
  domain: string;
  name: string;
  dir: string;
  files: string[];
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? listFiles(full, `${prefix}${entry}/`) : [`${prefix}${entry}`];
  });
}

/** Namespace folders; `platform: true` gives the platform folders instead (no Namespace document). */
function folders(repo: string, platform = false): Folder[] {
  const root = path.join(repo, profile.namespacesDir);
  return readdirSync(root).flatMap((domain) =>
    readdirSync(path.join(root, domain))
      .filter((name) => (name === SAMPLE_PLATFORM_FOLDER) === platform)
      .map((name) => {
        const dir = path.join(root, domain, name);
        return { domain, name, dir, files: listFiles(dir).sort() };
      }),
  );
}

const isManifest = (file: string) => !file.includes("/") && /\.ya?ml$/.test(file);
const tfOf = (f: Folder) => Object.fromEntries(f.files.filter((x) => x.endsWith(".tf")).map((x) => [x, readFileSync(path.join(f.dir, x), "utf8")]));

type Doc = { kind?: string; metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: unknown };
const yaml = (file: string) => loadAllYaml(readFileSync(file, "utf8")) as Doc[];

describe("generateSampleRepo", () => {
  let repo: GeneratedSampleRepo;
  let all: Folder[];

  beforeAll(async () => {
    repo = await generateSampleRepo({ dir: path.join(scratch, "a"), namespaces: N, seed: 7 });
    all = folders(repo.dir);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is deterministic: the same seed gives the same commit id, another seed another", async () => {
    const again = await generateSampleRepo({ dir: path.join(scratch, "b"), namespaces: N, seed: 7 });
    const other = await generateSampleRepo({ dir: path.join(scratch, "c"), namespaces: N, seed: 8 });
    expect(again.commit).toBe(repo.commit);
    expect(other.commit).not.toBe(repo.commit);
    expect(git(again.dir, "rev-list", "main")).toBe(git(repo.dir, "rev-list", "main"));
  });

  it("creates a checked-out repository on main with a history", () => {
    expect(repo.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(git(repo.dir, "rev-parse", "--abbrev-ref", "HEAD")).toBe("main");
    expect(git(repo.dir, "rev-parse", "HEAD")).toBe(repo.commit);
    expect(git(repo.dir, "status", "--porcelain")).toBe("");
    expect(Number(git(repo.dir, "rev-list", "--count", "main"))).toBeGreaterThanOrEqual(5);
    const subjects = git(repo.dir, "log", "--format=%s", "main").split("\n");
    expect(subjects.some((s) => s.startsWith("Add "))).toBe(true);
    expect(subjects.some((s) => /^(Bump|Give|Set) /.test(s))).toBe(true);
  });

  it("holds exactly N uniquely named namespaces with valid names", () => {
    expect(repo.namespaces).toBe(N);
    expect(all).toHaveLength(N);
    const names = all.map((f) => f.name);
    expect(new Set(names).size).toBe(N);
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(name.length).toBeLessThanOrEqual(63);
    }
    const domains = new Set(all.map((f) => f.domain));
    expect([...domains].every((d) => profile.clusters.some((c) => c.domain === d))).toBe(true);
  });

  it("gives every namespace folder the required files; only extra manifests are ever .yml", () => {
    const required = [
      "00-namespace.yaml",
      "01-rbac.yaml",
      "02-limitrange.yaml",
      "03-resourcequota.yaml",
      "04-networkpolicy.yaml",
      "resources/main.tf",
      "resources/variables.tf",
      "resources/versions.tf",
    ];
    for (const f of all) {
      expect(f.files).toEqual(expect.arrayContaining(required));
      for (const file of f.files.filter((x) => x.endsWith(".yml"))) expect(file).toMatch(/^0[5-9]-[a-z0-9-]+\.yml$/);
    }
  });

  it("meets the real repository's older shapes: .yml manifests, narrower access, disabled replicas, several service accounts, missing variables", () => {
    const yml = all.filter((f) => f.files.some((x) => x.endsWith(".yml")));
    expect(yml.length).toBeGreaterThan(0);
    expect(yml.length).toBeLessThan(N / 5);

    const narrower = all.filter((f) => f.files.some((x) => /^08-rbac-.*-read-only\.ya?ml$/.test(x)));
    expect(narrower.length).toBeGreaterThan(0);
    for (const f of narrower) {
      const docs = yaml(
        path.join(
          f.dir,
          f.files.find((x) => x.startsWith("08-rbac-"))!,
        ),
      );
      expect(docs.map((d) => d.kind)).toEqual(["Role", "RoleBinding"]);
      expect(docs[1]!.roleRef).toMatchObject({ kind: "Role", name: "read-only" });
    }

    const tfs = all.map(tfOf);
    const replicas = tfs.filter((t) => /module "read_replica" \{\n  # default off\n  count  = 0\n/.test(t["resources/rds.tf"] ?? ""));
    expect(replicas.length).toBeGreaterThan(0);
    const multiSa = tfs.map((t) => t["resources/serviceaccount.tf"] ?? "").filter((t) => (t.match(/^module "/gm) ?? []).length > 1);
    expect(multiSa.length).toBeGreaterThan(0);
    for (const text of multiSa) {
      const roles = [...text.matchAll(/^\s*role_name\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
      const bindings = [...text.matchAll(/^\s*rolebinding_name\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
      expect(roles.length).toBeGreaterThan(0);
      expect(new Set(roles).size).toBe(roles.length);
      expect(new Set(bindings).size).toBe(bindings.length);
    }

    const lacksEnvironment = tfs.filter((t) => !/^variable "environment" \{/m.test(t["resources/variables.tf"]!));
    expect(lacksEnvironment.length).toBeGreaterThan(0);
    for (const t of lacksEnvironment) for (const text of Object.values(t)) expect(text).not.toMatch(/\bvar\.environment(?![\w-])/);
    for (const t of tfs) {
      const usesIrsa = Object.values(t).some((text) => /^module "irsa"/m.test(text));
      expect(/^variable "eks_cluster_name" \{/m.test(t["resources/variables.tf"]!)).toBe(usesIrsa);
    }
    expect(tfs.some((t) => !/^variable "eks_cluster_name"/m.test(t["resources/variables.tf"]!))).toBe(true);
  });

  it("holds a platform folder without a Namespace document, as the real monitoring folder", () => {
    const platform = folders(repo.dir, true);
    expect(platform.map((f) => f.name)).toEqual([SAMPLE_PLATFORM_FOLDER]);
    expect(platform[0]!.files).not.toContain("00-namespace.yaml");
    for (const file of platform[0]!.files) expect(yaml(path.join(platform[0]!.dir, file)).map((d) => d.kind)).not.toContain("Namespace");
  });

  it("ends with exactly the planned files: the history replays to the plan", () => {
    const plan = planSampleNamespaces({ namespaces: N, seed: 7, profile, now: defaultSampleNow });
    for (const ns of plan) {
      const dir = path.join(repo.dir, namespaceFolder(ns, profile));
      const expected = renderNamespaceFiles(ns, profile);
      expect(listFiles(dir).sort()).toEqual(Object.keys(expected).sort());
      for (const [file, text] of Object.entries(expected)) expect(readFileSync(path.join(dir, file), "utf8")).toBe(text);
    }
  });

  it("writes namespace YAML that parses and carries the required labels and annotations", () => {
    for (const f of all) {
      for (const file of f.files.filter(isManifest)) expect(() => yaml(path.join(f.dir, file))).not.toThrow();
      const [ns] = yaml(path.join(f.dir, "00-namespace.yaml"));
      expect(ns?.kind).toBe("Namespace");
      expect(ns?.metadata?.name).toBe(f.name);
      const labels = ns!.metadata!.labels!;
      const annotations = ns!.metadata!.annotations!;
      expect(labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
      expect(["true", "false"]).toContain(labels[`${P}/is-production`]);
      expect(profile.environments).toContain(labels[`${P}/environment-name`]);
      expect(profile.businessUnits).toContain(annotations[`${P}/business-unit`]);
      for (const key of ["application", "owner", "source-code", "slack-channel", "team-name"]) expect(annotations[`${P}/${key}`]).toBeTruthy();
      expect(annotations[`${P}/owner`]).toMatch(/^[^:]+: [^@\s]+@[^@\s]+$/);
      expect(annotations[`${P}/source-code`]).toMatch(/^https:\/\/github\.com\/ministryofjustice\/[a-z0-9-]+$/);
      expect(annotations[`${P}/review-after`]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      if (labels[`${P}/is-production`] === "true") expect(annotations[`${P}/review-after`]).toBe("");
      expect(labels).not.toHaveProperty("component");
    }
  });

  it("binds the owning team as admin and only ever uses allowed ClusterRoles", () => {
    for (const f of all) {
      const [binding] = yaml(path.join(f.dir, "01-rbac.yaml")) as {
        kind: string;
        metadata: { name: string };
        subjects: { kind: string; name: string }[];
        roleRef: { kind: string; name: string };
      }[];
      expect(binding?.kind).toBe("RoleBinding");
      expect(binding?.metadata.name).toBe(`${f.name}-admin`);
      const team = yaml(path.join(f.dir, "00-namespace.yaml"))[0]!.metadata!.annotations![`${P}/team-name`];
      expect(binding?.subjects[0]).toMatchObject({ kind: "Group", name: `github:${team}` });
      for (const file of f.files.filter(isManifest)) {
        const docs = yaml(path.join(f.dir, file));
        for (const doc of docs) {
          expect(["ClusterRole", "ClusterRoleBinding", "ServiceAccount"]).not.toContain(doc.kind);
          const ref = doc.roleRef as { kind: string; name: string } | undefined;
          if (doc.kind === "RoleBinding" && ref?.kind === "ClusterRole") expect(["admin", "calico-network-policy-access"]).toContain(ref.name);
          // A narrower Role is defined beside its binding.
          if (doc.kind === "RoleBinding" && ref?.kind === "Role") expect(docs.some((d) => d.kind === "Role" && d.metadata?.name === ref.name)).toBe(true);
        }
      }
      const policies = yaml(path.join(f.dir, "04-networkpolicy.yaml"));
      expect(policies.map((p) => p.metadata?.name)).toEqual(["default", "allow-ingress-controllers"]);
    }
  });

  it("pins catalogued modules with sources in the profile's pattern, wired from variables", () => {
    const pattern = new RegExp(`^${profile.moduleSource.replace(/[.?]/g, "\\$&").replace("{module}", "([a-z0-9-]+)").replace("{ref}", "([0-9][0-9.]*)")}$`);
    let modules = 0;
    for (const f of all) {
      for (const file of f.files.filter(
        (x) => x.startsWith("resources/") && !["resources/main.tf", "resources/variables.tf", "resources/versions.tf"].includes(x),
      )) {
        const text = readFileSync(path.join(f.dir, file), "utf8");
        const sources = [...text.matchAll(/^\s*source\s*=\s*"([^"]+)"/gm)].map((m) => m[1]!);
        expect(sources.length).toBeGreaterThan(0);
        for (const source of sources) {
          const match = pattern.exec(source);
          expect(match, source).not.toBeNull();
          expect(Object.keys(profile.modules)).toContain(match![1]);
          modules++;
        }
        if (!/serviceaccount|ecr|secrets-manager/.test(file)) expect(text).toContain('resource "kubernetes_secret"');
        if (!file.endsWith("serviceaccount.tf")) expect(text).toMatch(/environment_name {7}= var\.environment(-name)?\n/);
      }
      const main = readFileSync(path.join(f.dir, "resources/main.tf"), "utf8");
      expect(main).toContain('backend "s3" {}');
      expect(main).toContain('alias  = "london"');
      expect(main).toContain('alias  = "ireland"');
      expect(readFileSync(path.join(f.dir, "resources/variables.tf"), "utf8")).toContain(`default     = "${f.name}"`);
    }
    expect(modules).toBeGreaterThan(N);
  });

  it("gives every sample user's teams namespaces to own", () => {
    const owners = new Set(all.flatMap((f) => readFileSync(path.join(f.dir, "01-rbac.yaml"), "utf8").match(/github:[a-z0-9-]+/g) ?? []));
    for (const user of sampleUsers) for (const team of user.teams) expect(owners).toContain(`github:${team}`);
  });

  it("refuses a directory that is not empty, and a file", async () => {
    const busy = path.join(scratch, "busy");
    mkdirSync(busy);
    writeFileSync(path.join(busy, "keep.txt"), "mine");
    await expect(generateSampleRepo({ dir: busy, namespaces: 3 })).rejects.toThrow(SampleRepoTargetError);
    await expect(generateSampleRepo({ dir: busy, namespaces: 3 })).rejects.toThrow(/not empty/);
    expect(readdirSync(busy)).toEqual(["keep.txt"]);
    await expect(generateSampleRepo({ dir: path.join(busy, "keep.txt"), namespaces: 3 })).rejects.toThrow(/not a directory/);
  });

  it("accepts an empty existing directory", async () => {
    const empty = path.join(scratch, "empty");
    mkdirSync(empty);
    await expect(generateSampleRepo({ dir: empty, namespaces: 4, commits: 2 })).resolves.toMatchObject({ namespaces: 4 });
  });

  it("follows another profile's clusters, business units, environments, modules and owner", async () => {
    const other: PlatformProfile = {
      ...profile,
      name: "Acme",
      labelPrefix: "platform.acme.dev",
      clusters: [
        { name: "main", domain: "main.acme.dev" },
        { name: "edge", domain: "edge.acme.dev" },
      ],
      businessUnits: ["Retail", "Payments"],
      environments: ["dev", "prod"],
      skipApplyMarker: "SKIP",
      moduleSource: "git::https://git.acme.dev/tf/{module}.git?ref=v{ref}",
      modules: modulesSchema.parse({ queue: "2.0.1", sqs: "1.0.0" }),
      defaults: { githubOwner: "acme", reviewAfterMonths: 1 },
    };
    const r = await generateSampleRepo({ dir: path.join(scratch, "acme"), namespaces: 30, profile: other });
    const got = folders(r.dir);
    expect(folders(r.dir, true)).toHaveLength(1);
    expect(got).toHaveLength(30);
    expect(new Set(got.map((f) => f.domain))).toEqual(new Set(["main.acme.dev", "edge.acme.dev"]));
    for (const f of got) {
      const annotations = yaml(path.join(f.dir, "00-namespace.yaml"))[0]!.metadata!.annotations!;
      expect(["Retail", "Payments"]).toContain(annotations["platform.acme.dev/business-unit"]);
      expect(annotations["platform.acme.dev/source-code"]).toMatch(/^https:\/\/github\.com\/acme\//);
      expect(yaml(path.join(f.dir, "00-namespace.yaml"))[0]!.metadata!.labels!["platform.acme.dev/environment-name"]).toMatch(/^(dev|prod)$/);
    }
    const tf = got.flatMap((f) => f.files.filter((x) => x.startsWith("resources/")).map((x) => readFileSync(path.join(f.dir, x), "utf8"))).join("\n");
    expect(tf).toMatch(/git::https:\/\/git\.acme\.dev\/tf\/(queue|sqs)\.git\?ref=v\d/);
    expect(tf).not.toContain("cloud-platform-terraform");
  });
});
