import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloudPlatformNamespace, moduleBlock } from "../environments/testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../environments/testing/git-repo";

const ROOT = path.resolve(__dirname, "../..");
const LIVE = "live.cloud-platform.service.justice.gov.uk";
const LIVE2 = "live-2.cloud-platform.service.justice.gov.uk";

function berth(...args: string[]) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/cli/main.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function folder(domain: string, name: string, files: Record<string, string>) {
  return Object.fromEntries(Object.entries(files).map(([rel, text]) => [`namespaces/${domain}/${name}/${rel}`, text]));
}

describe("berth inventory (end to end)", () => {
  let repo: TestRepo;
  let commit: string;
  const scratch = mkdtempSync(path.join(tmpdir(), "berth-cli-"));

  beforeAll(() => {
    repo = createTestRepo();
    commit = repo.commit({
      ...folder(LIVE, "zulu", cloudPlatformNamespace("zulu", { businessUnit: "LAA", isProduction: true, teams: ["z", "a"], reviewAfter: "2026-01-01" })),
      ...folder(LIVE, "alpha", {
        ...cloudPlatformNamespace("alpha", {
          resources: {
            "rds.tf": moduleBlock("rds", "rds-instance", "9.2.0"),
            "replica.tf": moduleBlock("replica", "rds-instance", "8.0.0").replace("\n\n", "\n  count = 0\n\n"),
          },
        }),
        "07-rbac-readers.yml": `kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata: { name: readers, namespace: alpha }
subjects: [{ kind: Group, name: "github:readers", apiGroup: rbac.authorization.k8s.io }]
roleRef: { kind: Role, name: reader, apiGroup: rbac.authorization.k8s.io }
`,
        APPLY_PIPELINE_SKIP_THIS_NAMESPACE: "",
      }),
      ...folder(LIVE2, "broken", { "00-namespace.yaml": "kind: Namespace\nmetadata: {\n" }),
    });
  });
  afterAll(() => {
    repo.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("--json prints the inventory in the documented shape, sorted by cluster then name", () => {
    const { code, stdout, stderr } = berth("inventory", "--repo", repo.dir, "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(["commit", "namespaces", "stats"]);
    expect(out.commit).toBe(commit);
    expect(out.namespaces.map((n: { cluster: string; name: string }) => `${n.cluster}/${n.name}`)).toEqual(["live/alpha", "live/zulu", "live-2/broken"]);
    expect(out.namespaces[1]).toEqual({
      cluster: "live",
      name: "zulu",
      businessUnit: "LAA",
      environment: "development",
      isProduction: true,
      application: "Application for zulu",
      owner: "Team z: z@example.gov.uk",
      teams: ["a", "z"],
      otherAccess: [],
      teamName: "z",
      slackChannel: "zulu-dev",
      slackAlertChannel: null,
      sourceCode: "https://github.com/ministryofjustice/zulu",
      reviewAfter: "2026-01-01",
      skipApply: false,
      modules: [],
      problems: [],
    });
    expect(out.namespaces[0]).toMatchObject({
      skipApply: true,
      modules: [
        {
          name: "rds",
          module: "rds-instance",
          source: "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0",
          ref: "9.2.0",
          file: "resources/rds.tf",
          disabled: false,
        },
        { name: "replica", module: "rds-instance", ref: "8.0.0", file: "resources/replica.tf", disabled: true },
      ],
      teams: ["webops"],
      otherAccess: [{ kind: "team", name: "readers", role: "Role/reader", file: "07-rbac-readers.yml" }],
      problems: [{ file: "07-rbac-readers.yml", message: expect.stringContaining("policy check reads only *.yaml"), severity: "warning" }],
    });
    expect(out.namespaces[2].problems[0]).toMatchObject({
      file: "00-namespace.yaml",
      message: expect.stringMatching(/^malformed YAML on line \d/),
      severity: "error",
    });
    expect(out.stats).toEqual({
      namespaces: 3,
      byCluster: { live: 2, "live-2": 1 },
      byBusinessUnit: { HMPPS: 1, LAA: 1, "(none)": 1 },
      production: 1,
      modules: { "rds-instance": 1 },
    });
  });

  it("prints a human summary by default", () => {
    const { code, stdout } = berth("inventory", "--repo", repo.dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`Commit ${commit}`);
    expect(stdout).toContain("3 namespaces, 1 production");
    expect(stdout).toContain("By cluster: live 2, live-2 1");
    expect(stdout).toContain("Namespaces with problems: 2 (1 with unreadable files, 1 with warnings only)");
    expect(stdout).toMatch(/live-2\/broken: error: 00-namespace.yaml: malformed YAML/);
  });

  it("reads with a profile file", () => {
    const file = path.join(scratch, "profile.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "Other",
        labelPrefix: "cloud-platform.justice.gov.uk",
        clusters: [{ name: "main", domain: LIVE }],
        businessUnits: ["LAA"],
        environments: ["development"],
        skipApplyMarker: "SKIP",
        modulePrefix: "cloud-platform-terraform-",
        moduleSource: "x/{module}?ref={ref}",
        modules: {},
        defaults: { githubOwner: "o", reviewAfterMonths: 0 },
      }),
    );
    const out = JSON.parse(berth("inventory", "--repo", repo.dir, "--json", "--profile", file).stdout);
    expect(out.stats.byCluster).toEqual({ main: 2, [LIVE2]: 1 });
    expect(out.namespaces[0].skipApply).toBe(false);
  });

  it("fails with one line on stderr when the path is not an environments repository", () => {
    for (const [dir, message] of [
      [path.join(scratch, "missing"), "does not exist"],
      [scratch, "is not a git repository"],
    ] as const) {
      const { code, stdout, stderr } = berth("inventory", "--repo", dir);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toBe(`berth inventory: ${dir} ${message}\n`);
    }
  });

  it("rejects bad arguments and lists commands with --help", () => {
    expect(berth("inventory").stderr).toMatch(/^berth inventory: --repo <path> is required\./);
    expect(berth("inventory", "--repo", repo.dir, "--frobnicate").code).toBe(2);
    const bad = berth("inventory", "--repo", repo.dir, "--profile", path.join(scratch, "nope.json"));
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(berth("nonsense").code).toBe(2);
    const help = berth("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/inventory\s+read an environments repository/);
    expect(berth("inventory", "--help").stdout).toMatch(/^Usage: berth inventory --repo <path>/);
    // Seven CLI processes one after another: seconds each on a loaded 2-core machine.
  }, 120_000);
});
