import { loadHclParser } from "../edit/hcl/load-hcl-parser";
import { latestVersion } from "../profile/module-version";
import { modulesSchema } from "../profile/module-catalogue";
import { describe, expect, it } from "vitest";
import { parseModuleSource } from "../repository/parse-module-source";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { InvalidResourceRequestError, renderResourceFiles } from "./render-resource-files";
import type { ResourceAnswer } from "../requests/resource-request";
import { scanTerraformModules } from "../repository/scan-terraform-modules";
import { hostileValues } from "../testing/hostile-values";
import { namespaceRecord } from "../testing/namespace-record";
import { withStandardTerraform } from "../testing/standard-terraform";
import { validateResourceRequest } from "../requests/validate-resource-request";

const hcl = await loadHclParser();

const { namespace, readFile } = withStandardTerraform(
  namespaceRecord("orders-dev", {
    files: ["resources/main.tf", "resources/sqs.tf"],
    modules: [
      {
        name: "old_queue",
        module: "sqs",
        source: "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.0.0",
        ref: "5.0.0",
        file: "resources/sqs.tf",
      },
    ],
  }),
);
const folder = namespace.path;
const render = (...resources: ResourceAnswer[]) => renderResourceFiles({ resources }, { namespace, profile, hcl, readFile, today: "2026-12-04" });

/** The keys of each kubernetes_secret's data block, by resource label. */
function secretKeys(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of text.matchAll(/resource "kubernetes_secret" "([a-z0-9_]+)" \{[\s\S]*?data = \{\n([\s\S]*?)\n {2}\}/g)) {
    out[m[1]!] = m[2]!.split("\n").map((l) => l.trim().split(/\s+/)[0]!);
  }
  return out;
}

const cases: { answer: ResourceAnswer; modules: [string, string][]; secrets: Record<string, string[]>; contains: string[] }[] = [
  {
    answer: { kind: "rds", name: "orders_db", engineVersion: "16", instanceClass: "db.t4g.small", storageLimitGb: 100, readReplica: true },
    modules: [
      ["orders_db", "rds-instance"],
      ["orders_db_replica", "rds-instance"],
    ],
    secrets: {
      orders_db: ["rds_instance_endpoint", "database_name", "database_username", "database_password", "rds_instance_address"],
      orders_db_replica: ["rds_instance_endpoint", "rds_instance_address"],
    },
    contains: [
      'db_engine_version            = "16"',
      'rds_family                   = "postgres16"',
      'db_instance_class            = "db.t4g.small"',
      'db_max_allocated_storage     = "100"',
      "vpc_name = var.vpc_name",
      "enable_irsa = true",
      "    aws = aws.london",
      "replicate_source_db        = module.orders_db.db_identifier",
    ],
  },
  {
    answer: { kind: "s3", name: "docs", versioning: true },
    modules: [["docs", "s3-bucket"]],
    secrets: { docs: ["bucket_arn", "bucket_name"] },
    contains: ["versioning = true"],
  },
  {
    answer: { kind: "sqs", name: "jobs", deadLetterQueue: true },
    modules: [
      ["jobs_dlq", "sqs"],
      ["jobs", "sqs"],
    ],
    secrets: { jobs_dlq: ["sqs_id", "sqs_arn", "sqs_name"], jobs: ["sqs_id", "sqs_arn", "sqs_name"] },
    contains: ['sqs_name                  = "jobs"', 'encrypt_sqs_kms           = "true"', "deadLetterTargetArn = module.jobs_dlq.sqs_arn"],
  },
  {
    answer: { kind: "sns", name: "events", displayName: "Order events" },
    modules: [["events", "sns-topic"]],
    secrets: { events: ["topic_arn"] },
    contains: ['topic_display_name = "Order events"'],
  },
  {
    answer: { kind: "elasticache", name: "cache" },
    modules: [["cache", "elasticache-cluster"]],
    secrets: { cache: ["primary_endpoint_address", "auth_token", "member_clusters", "replication_group_id"] },
    contains: [
      "vpc_name = var.vpc_name",
      'node_type             = "cache.t4g.micro"',
      'engine_version        = "7.0"',
      'parameter_group_name  = "default.redis7"',
      "member_clusters          = jsonencode(module.cache.member_clusters)",
      "replication_group_id     = module.cache.replication_group_id",
    ],
  },
  {
    answer: { kind: "dynamodb", name: "table", hashKey: "id", rangeKey: "at" },
    modules: [["table", "dynamodb-cluster"]],
    secrets: { table: ["table_name", "table_arn"] },
    contains: ['hash_key  = "id"', 'range_key = "at"'],
  },
  {
    answer: { kind: "ecr", name: "images", githubRepositories: ["orders-api"] },
    modules: [["images", "ecr-credentials"]],
    secrets: { images: ["repo_arn", "repo_url"] },
    contains: ['repo_name = "orders-dev-images"', 'oidc_providers      = ["github"]', 'github_repositories = ["orders-api"]'],
  },
  {
    answer: { kind: "serviceaccount", name: "ci", githubRepositories: ["orders-api", "orders-ui"] },
    modules: [["ci", "serviceaccount"]],
    secrets: {},
    contains: [
      "kubernetes_cluster = var.kubernetes_cluster",
      'github_repositories = ["orders-api", "orders-ui"]',
      'serviceaccount_name = "ci"',
      'role_name           = "ci-role"',
      'rolebinding_name    = "ci-rolebinding"',
      'serviceaccount_token_rotated_date = "2026-12-04"',
    ],
  },
  {
    answer: { kind: "irsa", name: "app_irsa", serviceAccount: "orders-api", policies: ["old_queue"] },
    modules: [["app_irsa", "irsa"]],
    secrets: { app_irsa: ["role", "rolearn", "serviceaccount"] },
    contains: ["eks_cluster_name = var.eks_cluster_name", 'service_account_name = "orders-api"', "old_queue = module.old_queue.irsa_policy_arn"],
  },
];

describe("renderResourceFiles: one file per new resource", () => {
  it.each(cases.map((c) => [c.answer.kind, c] as const))("%s parses back with the right modules, source, ref and secret keys", (_, c) => {
    const files = render(c.answer);
    expect(files.map((f) => f.path)).toEqual([`${folder}/resources/${c.answer.name}.tf`]);
    const text = files[0]!.content;
    const scan = scanTerraformModules(text);
    expect(scan.problems).toEqual([]);
    expect(scan.modules.map((m) => [m.name, parseModuleSource(m.source!, profile.modulePrefix).module])).toEqual(c.modules);
    for (const m of scan.modules) {
      const short = parseModuleSource(m.source!, profile.modulePrefix).module;
      expect(m.source).toBe(`github.com/ministryofjustice/cloud-platform-terraform-${short}?ref=${latestVersion(profile, short)}`);
      expect(parseModuleSource(m.source!, profile.modulePrefix).ref).toBe(latestVersion(profile, short));
    }
    expect(secretKeys(text)).toEqual(c.secrets);
    for (const s of c.contains) expect(text).toContain(s);
    if (c.answer.kind !== "serviceaccount") {
      for (const input of ["team_name", "business_unit", "application", "is_production", "namespace", "infrastructure_support"])
        expect(text).toMatch(new RegExp(`^  ${input} +=`, "m"));
      expect(text).toContain("environment_name       = var.environment");
    }
    // No attribute set twice in one block: Terraform refuses duplicates.
    for (const block of text.split(/^(?=module |resource )/m)) {
      const attrs = [...block.matchAll(/^ {2}([a-z_]+) +=/gm)].map((m) => m[1]);
      expect(new Set(attrs).size, block).toBe(attrs.length);
    }
  });

  it("marks a public bucket and writes its justification escaped", () => {
    const text = render({ kind: "s3", name: "site", publicAccess: true, justification: 'Static site "assets" ${x}' })[0]!.content;
    expect(text).toContain("enable_allow_block_pub_access = false");
    expect(text).toContain('# Public access requested; justification: "Static site \\"assets\\" $${x}"');
    expect(render({ kind: "s3", name: "quiet" })[0]!.content).not.toContain("enable_allow_block_pub_access");
  });

  it("is deterministic and sorted by path, several resources in one request", () => {
    const answers: ResourceAnswer[] = [
      { kind: "sqs", name: "zeta" },
      { kind: "ecr", name: "alpha" },
      { kind: "irsa", name: "m_irsa", serviceAccount: "x", policies: ["zeta"] },
    ];
    const a = render(...answers);
    expect(a.map((f) => f.path.split("/").pop())).toEqual(["alpha.tf", "m_irsa.tf", "zeta.tf"]);
    expect(render(...answers)).toEqual(a);
  });

  it("follows another profile's module source pattern", () => {
    const other = { ...profile, moduleSource: "git::https://git.acme.dev/tf/{module}.git?ref=v{ref}", modules: modulesSchema.parse({ sqs: "2.0.1" }) };
    const [file] = renderResourceFiles({ resources: [{ kind: "sqs", name: "q" }] }, { ...withStandardTerraform(namespaceRecord("n")), profile: other, hcl });
    expect(scanTerraformModules(file!.content).modules[0]!.source).toBe("git::https://git.acme.dev/tf/sqs.git?ref=v2.0.1");
  });

  it("validates again and throws field errors for an invalid request", () => {
    expect(() => render({ kind: "ecr", name: "old_queue" })).toThrow(InvalidResourceRequestError);
    expect(() => render({ kind: "sns", name: "t", displayName: "a\nb" })).toThrow(/single line/);
  });
});

describe("renderResourceFiles: hostile input", () => {
  const accepted = (answer: Record<string, unknown>) => validateResourceRequest({ resources: [answer] }, { namespace, profile }).ok;

  it.each(hostileValues.filter((v) => v.length < 300).map((v) => [JSON.stringify(v).slice(0, 50), v]))(
    "every free-text field keeps %s literal or refuses it",
    (_, value) => {
      const answers: Record<string, unknown>[] = [
        { kind: "sns", name: "t", displayName: value },
        { kind: "dynamodb", name: "d", hashKey: value, rangeKey: value },
        { kind: "s3", name: "b", publicAccess: true, justification: value },
        { kind: "serviceaccount", name: "ci", githubRepositories: [value] },
        { kind: "irsa", name: "i", serviceAccount: value, policies: ["old_queue"] },
        { kind: "ecr", name: value },
      ];
      for (const answer of answers) {
        if (!accepted(answer)) continue;
        const [file] = renderResourceFiles({ resources: [answer as ResourceAnswer] }, { namespace, profile, hcl, readFile });
        const scan = scanTerraformModules(file!.content);
        expect(scan.problems).toEqual([]);
        expect(scan.modules).toHaveLength(1);
        // One line per value: no value opens a new line, a template or a block.
        const trimmed = value.trim();
        if (trimmed !== "" && /^[ -~]+$/.test(trimmed)) {
          const escaped = trimmed
            .replace(/\\/g, "\\\\")
            .replace(/"/g, '\\"')
            .replace(/([$%])\{/g, (_, c: string) => `${c}${c}{`);
          expect(file!.content).toContain(`"${escaped}"`);
        }
      }
    },
  );

  it("refuses multi-line, control and template-breaking values where they are not plain text", () => {
    expect(accepted({ kind: "sns", name: "t", displayName: "a\nb" })).toBe(false);
    expect(accepted({ kind: "serviceaccount", name: "ci", githubRepositories: ['a"b'] })).toBe(false);
    expect(accepted({ kind: "irsa", name: "i", serviceAccount: "${x}", policies: ["old_queue"] })).toBe(false);
    expect(accepted({ kind: "dynamodb", name: "d", hashKey: '${file("/etc/passwd")}' })).toBe(true);
  });
});
