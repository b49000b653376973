import { loadHclParser } from "../edit/hcl/load-hcl-parser";
import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import type { ResourceAnswer } from "../requests/resource-request";
import { renderNamespaceFiles as renderSampleFiles } from "../sample/render-namespace-files";
import { planSampleNamespaces } from "../sample/plan-sample-namespaces";
import { namespaceRecord } from "../testing/namespace-record";
import { withStandardTerraform } from "../testing/standard-terraform";
import { checkModuleInterfaces } from "./check-module-interfaces";
import { InvalidResourceRequestError, renderResourceFiles } from "./render-resource-files";

const hcl = await loadHclParser();

const today = "2026-12-04";
const every: ResourceAnswer[] = [
  { kind: "rds", name: "db", engineVersion: "18", instanceClass: "db.t4g.micro", readReplica: true },
  { kind: "s3", name: "docs", versioning: true },
  { kind: "sqs", name: "jobs", deadLetterQueue: true },
  { kind: "sns", name: "events", displayName: "Order events" },
  { kind: "elasticache", name: "cache" },
  { kind: "dynamodb", name: "table", hashKey: "id", rangeKey: "at" },
  { kind: "ecr", name: "images", githubRepositories: ["orders-api"] },
  { kind: "serviceaccount", name: "ci", githubRepositories: ["orders-api"] },
  { kind: "irsa", name: "app_irsa", serviceAccount: "orders-api", policies: ["db", "docs", "jobs", "events", "cache", "table", "images"] },
];

/** Renders, then checks the written files against the namespace's files after the change. */
function renderAndCheck(setup: ReturnType<typeof withStandardTerraform>, resources: ResourceAnswer[]) {
  const files = renderResourceFiles({ resources }, { ...setup, profile, hcl, today });
  const existing = setup.namespace.files
    .filter((f) => f.endsWith(".tf"))
    .map((f) => `${setup.namespace.path}/${f}`)
    .map((path) => ({ path, content: setup.readFile(path) ?? "" }));
  const after = [...existing.filter((e) => !files.some((f) => f.path === e.path)), ...files];
  // Blocks Berth writes whole are checked; an existing file it edits in place keeps what its authors wrote.
  const written = files.filter((f) => !existing.some((e) => e.path === f.path));
  return { files, failures: checkModuleInterfaces(written, after, profile, setup.namespace.modules) };
}

describe("every resource kind fits its module's interface", () => {
  it("renders every kind in one request and passes the interface check", () => {
    const { files, failures } = renderAndCheck(withStandardTerraform(namespaceRecord("orders-dev")), every);
    expect(failures).toEqual([]);
    expect(files.map((f) => f.path.split("/").pop())).toEqual([...every.map((a) => `${a.name}.tf`)].sort());
    // The role takes the ElastiCache policy, which is null unless enable_irsa = true.
    expect(files.find((f) => f.path.endsWith("/cache.tf"))!.content).toContain("  enable_irsa = true\n");
  });

  it.each(every.map((a) => [a.kind, a] as const))("golden: %s", async (kind, answer) => {
    const needs = answer.kind === "irsa" ? every.filter((a) => a.kind === "elasticache" || a.kind === "ecr") : [];
    const request = answer.kind === "irsa" ? [...needs, { ...answer, policies: needs.map((a) => a.name) }] : [answer];
    const { files, failures } = renderAndCheck(withStandardTerraform(namespaceRecord("orders-dev")), request);
    expect(failures).toEqual([]);
    const own = files.find((f) => f.path.endsWith(`/${answer.name}.tf`))!;
    await expect(own.content).toMatchFileSnapshot(`./golden/${kind}.tf`);
  });

  it("in a namespace lacking tag variables and eks_cluster_name, the same change declares them", async () => {
    const setup = withStandardTerraform(namespaceRecord("legacy-dev", { environment: "dev" }), ["environment", "eks_cluster_name", "infrastructure_support"]);
    const { files, failures } = renderAndCheck(setup, every);
    expect(failures).toEqual([]);
    const variables = files.find((f) => f.path.endsWith("/resources/variables.tf"))!.content;
    expect(variables.startsWith(setup.readFile(`${setup.namespace.path}/resources/variables.tf`)!)).toBe(true);
    await expect(variables).toMatchFileSnapshot("./golden/variables-lacking-tags.tf");
  });

  it("refuses what the namespace cannot supply, naming the module and variable, and writes nothing", () => {
    const setup = withStandardTerraform(namespaceRecord("bare", { application: null }), ["application"]);
    expect(() => renderResourceFiles({ resources: [{ kind: "sqs", name: "q" }] }, { ...setup, profile, hcl, today })).toThrow(InvalidResourceRequestError);
    try {
      renderResourceFiles({ resources: [{ kind: "sqs", name: "q" }] }, { ...setup, profile, hcl, today });
    } catch (error) {
      expect((error as InvalidResourceRequestError).fields).toEqual({
        "resources.0.name": expect.stringMatching(/module q uses var\.application, which the namespace does not declare/),
      });
    }
  });

  it("refuses an SQS name the module would make longer than 80 characters", () => {
    const setup = withStandardTerraform(namespaceRecord("orders-dev", { teams: ["a-very-long-team-name-that-goes-on-and-on"] }));
    const name = "q".repeat(40);
    expect(() => renderResourceFiles({ resources: [{ kind: "sqs", name }] }, { ...setup, profile, hcl, today })).toThrow(/SQS allows 80/);
    expect(() => renderResourceFiles({ resources: [{ kind: "sqs", name: "q" }] }, { ...setup, profile, hcl, today })).not.toThrow();
  });

  it("gives an existing ElastiCache block enable_irsa = true when a new role takes its policy, touching only that line", () => {
    const cacheTf = `module "old_cache" {\n  source = "github.com/ministryofjustice/cloud-platform-terraform-elasticache-cluster?ref=8.0.0" # pinned\n\n  vpc_name = var.vpc_name\n}\n`;
    const base = withStandardTerraform(
      namespaceRecord("orders-dev", {
        files: ["resources/cache.tf"],
        modules: [{ name: "old_cache", module: "elasticache-cluster", source: "", ref: "8.0.0", file: "resources/cache.tf" }],
      }),
    );
    const setup = { ...base, readFile: (p: string) => (p.endsWith("/cache.tf") ? cacheTf : base.readFile(p)) };
    const { files, failures } = renderAndCheck(setup, [{ kind: "irsa", name: "r", serviceAccount: "app", policies: ["old_cache"] }]);
    expect(failures).toEqual([]);
    expect(files.find((f) => f.path.endsWith("/cache.tf"))!.content).toBe(cacheTf.replace("# pinned\n", "# pinned\n  enable_irsa = true\n"));
  });
});

describe("checkModuleInterfaces", () => {
  const ns = withStandardTerraform(namespaceRecord("orders-dev"));
  const variables = { path: `${ns.namespace.path}/resources/variables.tf`, content: ns.readFile(`${ns.namespace.path}/resources/variables.tf`)! };
  const check = (text: string) => {
    const file = { path: `${ns.namespace.path}/resources/x.tf`, content: text };
    return checkModuleInterfaces([file], [variables, file], profile).map((f) => [f.block, f.module, f.input, f.message]);
  };
  const src = (m: string, v: string) => `"github.com/ministryofjustice/cloud-platform-terraform-${m}?ref=${v}"`;
  const tags = `  team_name = var.team_name\n  business_unit = var.business_unit\n  application = var.application\n  is_production = var.is_production\n  namespace = var.namespace\n  environment_name = var.environment\n  infrastructure_support = var.infrastructure_support\n`;

  it("names the module and input of a missing required input, an undeclared input and an undeclared variable", () => {
    const failures = check(
      `module "q" {\n  source = ${src("sqs", "5.1.2")}\n${tags.replace("  team_name = var.team_name\n", "")}  sqs_nam = "x"\n  sqs_name = var.queue\n}\n`,
    );
    expect(failures).toEqual([
      ["q", "sqs", "team_name", "module q (sqs): required input team_name is missing"],
      ["q", "sqs", "sqs_nam", "module q (sqs): sqs_nam is not an input of sqs 5.1.1"],
      ["q", "sqs", "sqs_name", "module q (sqs): sqs_name uses var.queue, which the namespace does not declare"],
    ]);
  });

  it("refuses a list output in Secret data unless jsonencode'd, an unknown output, and a conditional IRSA policy without its condition", () => {
    const cache = `module "c" {\n  source = ${src("elasticache-cluster", "8.2.0")}\n  vpc_name = var.vpc_name\n  node_type = "x"\n  engine_version = "7.0"\n  parameter_group_name = "p"\n${tags}}\n`;
    const secret = (value: string) =>
      `resource "kubernetes_secret" "c" {\n  metadata {\n    name = "c"\n    namespace = var.namespace\n  }\n  data = {\n    member_clusters = ${value}\n  }\n}\n`;
    expect(check(cache + secret("jsonencode(module.c.member_clusters)"))).toEqual([]);
    expect(check(cache + secret("module.c.member_clusters"))).toEqual([
      [
        "c",
        null,
        "member_clusters",
        "kubernetes_secret c: member_clusters takes module.c.member_clusters, a list(string); Secret data holds strings: write jsonencode(module.c.member_clusters)",
      ],
    ]);
    expect(check(cache + secret("module.c.members"))[0]![3]).toBe("resource kubernetes_secret.c: data: elasticache-cluster 8.2.0 has no output members");
    const role = `module "r" {\n  source = ${src("irsa", "2.1.0")}\n  eks_cluster_name = var.eks_cluster_name\n  service_account_name = "a"\n  role_policy_arns = { c = module.c.irsa_policy_arn }\n${tags}}\n`;
    expect(check(cache + role)).toEqual([
      ["r", "irsa", "role_policy_arns", "module r (irsa): role_policy_arns: module.c.irsa_policy_arn is null unless enable_irsa = true in module c"],
    ]);
    expect(check(cache.replace("vpc_name = var.vpc_name", "vpc_name = var.vpc_name\n  enable_irsa = true") + role)).toEqual([]);
  });

  it("ignores references inside strings and comments", () => {
    const text = `module "t" {\n  source = ${src("sns-topic", "5.1.2")}\n  # var.nothing module.x.y\n  topic_display_name = "var.nothing and module.x.y"\n${tags}}\n`;
    expect(check(text)).toEqual([]);
  });
});

describe("the sample repository's module blocks fit their interfaces", () => {
  it("every module file of 300 sample namespaces passes the check", () => {
    const plan = planSampleNamespaces({ namespaces: 300, seed: 7, profile, now: new Date("2026-12-04T00:00:00Z") });
    let blocks = 0;
    for (const ns of plan) {
      const files = Object.entries(renderSampleFiles(ns, profile))
        .filter(([rel]) => rel.startsWith("resources/") && rel.endsWith(".tf"))
        .map(([rel, content]) => ({ path: rel, content }));
      const written = files.filter((f) => !["resources/main.tf", "resources/variables.tf", "resources/versions.tf"].includes(f.path));
      blocks += written.length;
      expect(checkModuleInterfaces(written, files, profile), ns.name).toEqual([]);
    }
    expect(blocks).toBeGreaterThan(300);
  });
});

describe("a variables.tf that exists but cannot be read", () => {
  it("is never replaced by a new one", () => {
    const namespace = namespaceRecord("orders-dev", { files: ["resources/variables.tf"] });
    expect(() => renderResourceFiles({ resources: [{ kind: "sqs", name: "q" }] }, { namespace, profile, hcl, readFile: () => null, today })).toThrow(
      /resources\/variables\.tf cannot be read/,
    );
  });
});
