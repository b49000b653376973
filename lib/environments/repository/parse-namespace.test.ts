import { describe, expect, it } from "vitest";
import { parseNamespace } from "./parse-namespace";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { cloudPlatformNamespace, moduleBlock } from "../testing/cloud-platform-namespace";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
const P = "cloud-platform.justice.gov.uk";
const parse = (files: Record<string, string | Uint8Array | null>, name = "my-app-dev", clusterDomain = LIVE) =>
  parseNamespace({ files, profile, clusterDomain, name });

describe("parseNamespace", () => {
  it("reads a Cloud Platform namespace: every field", () => {
    const files = {
      ...cloudPlatformNamespace("my-app-dev", {
        businessUnit: "HMPPS",
        environment: "production",
        isProduction: true,
        teams: ["webops", "another-team"],
        reviewAfter: "2025-03-01",
        resources: {
          "rds.tf": moduleBlock("rds", "rds-instance", "9.2.0"),
          "sqs.tf": moduleBlock("queue", "sqs", "5.1.2") + moduleBlock("dlq", "sqs", "5.1.1"),
        },
      }),
      APPLY_PIPELINE_SKIP_THIS_NAMESPACE: "",
      "resources/templates/policy.json": null,
    };
    const ns = parse(files);
    expect(ns).toEqual({
      cluster: "live",
      clusterDomain: LIVE,
      name: "my-app-dev",
      path: `namespaces/${LIVE}/my-app-dev`,
      awsProviders: [{ alias: null, tags: ["GithubTeam", "namespace"] }],
      businessUnit: "HMPPS",
      environment: "production",
      isProduction: true,
      application: "Application for my-app-dev",
      owner: "Team webops: webops@example.gov.uk",
      teams: ["another-team", "webops"],
      otherAccess: [],
      slackChannel: "my-app-dev-dev",
      teamName: "webops",
      slackAlertChannel: null,
      sourceCode: "https://github.com/ministryofjustice/my-app-dev",
      reviewAfter: "2025-03-01",
      skipApply: true,
      files: Object.keys(files).sort(),
      modules: [
        { name: "rds", module: "rds-instance", source: expect.stringContaining("rds-instance?ref=9.2.0"), ref: "9.2.0", file: "resources/rds.tf" },
        { name: "queue", module: "sqs", source: expect.any(String), ref: "5.1.2", file: "resources/sqs.tf" },
        { name: "dlq", module: "sqs", source: expect.any(String), ref: "5.1.1", file: "resources/sqs.tf" },
      ],
      secrets: [
        { label: "rds", name: "rds-output", keys: ["arn"], modules: ["rds"], file: "resources/rds.tf" },
        { label: "queue", name: "queue-output", keys: ["arn"], modules: ["queue"], file: "resources/sqs.tf" },
        { label: "dlq", name: "dlq-output", keys: ["arn"], modules: ["dlq"], file: "resources/sqs.tf" },
      ],
      problems: [],
    });
  });

  it("defaults: not production, empty review-after is null, no skip marker, unknown cluster domain kept", () => {
    const ns = parse(cloudPlatformNamespace("x"), "x", "other.example.com");
    expect(ns).toMatchObject({ cluster: "other.example.com", isProduction: false, reviewAfter: null, skipApply: false, teams: ["webops"] });
  });

  it("owners are github teams bound to ClusterRole admin by a RoleBinding in any manifest; narrower bindings and users are other access", () => {
    const ns = parse(
      {
        ...cloudPlatformNamespace("x"),
        "08-extra.yaml": `# extra bindings
kind: RoleBinding
apiVersion: rbac.authorization.k8s.io/v1
metadata: { name: a }
subjects:
  - { kind: Group, name: "github:zeta" }
  - { kind: Group, name: "github:webops" }
  - { kind: User, name: "github:a-person" } # a single user, even on admin, owns nothing
  - { kind: Group, name: "system:serviceaccounts" }
  - { kind: ServiceAccount, name: x }
  - "junk"
roleRef: { kind: ClusterRole, name: admin, apiGroup: rbac.authorization.k8s.io }
---
kind: ClusterRoleBinding
subjects: [{ kind: Group, name: "github:cluster-wide" }]
roleRef: { kind: ClusterRole, name: admin }
---
kind: RoleBinding
subjects: [{ kind: Group, name: "github:alpha" }]
roleRef: { kind: ClusterRole, name: admin }
---
kind: RoleBinding
subjects: [{ kind: Group, name: "github:readers" }, { kind: User, name: "someone" }]
roleRef: { kind: Role, name: pod-reader }
---
kind: RoleBinding
subjects: [{ kind: Group, name: "github:calico" }]
roleRef: { kind: ClusterRole, name: calico-network-policy-access }
---
kind: RoleBinding
subjects: [{ kind: Group, name: "github:no-role-ref" }]
`,
      },
      "x",
    );
    expect(ns.teams).toEqual(["alpha", "webops", "zeta"]);
    expect(ns.otherAccess).toEqual([
      { kind: "team", name: "calico", role: "ClusterRole/calico-network-policy-access", file: "08-extra.yaml" },
      { kind: "team", name: "no-role-ref", role: "Role/?", file: "08-extra.yaml" },
      { kind: "team", name: "readers", role: "Role/pod-reader", file: "08-extra.yaml" },
      { kind: "user", name: "a-person", role: "ClusterRole/admin", file: "08-extra.yaml" },
      { kind: "user", name: "someone", role: "Role/pod-reader", file: "08-extra.yaml" },
    ]);
    expect(ns.problems).toEqual([]);
  });

  it("reads the team-name and slack-alert-channel annotations", () => {
    const files = cloudPlatformNamespace("x", { teams: ["hmpps-sre"] });
    files["00-namespace.yaml"] += `    ${P}/slack-alert-channel: "hmpps-alerts"\n`;
    expect(parse(files, "x")).toMatchObject({ teamName: "hmpps-sre", slackAlertChannel: "hmpps-alerts" });
    const without = cloudPlatformNamespace("x");
    without["00-namespace.yaml"] = without["00-namespace.yaml"]!.replace(/^.*team-name.*\n/m, "");
    expect(parse(without, "x")).toMatchObject({ teamName: null, slackAlertChannel: null });
  });

  it("reads .yml files and warns that they escape the policy check", () => {
    const files = cloudPlatformNamespace("x", { teams: ["a"] });
    files["01-rbac.yml"] = files["01-rbac.yaml"]!.replace("github:a", "github:from-yml");
    delete files["01-rbac.yaml"];
    const ns = parse(files, "x");
    expect(ns.teams).toEqual(["from-yml"]);
    expect(ns.problems).toEqual([
      { file: "01-rbac.yml", message: "use .yaml: the repository's policy check reads only *.yaml, so this manifest escapes it", severity: "warning" },
    ]);
  });

  it("a missing 00-namespace.yaml leaves labels unknown but keeps teams and modules", () => {
    const files = cloudPlatformNamespace("x", { resources: { "sqs.tf": moduleBlock("q", "sqs", "5.1.2") } });
    delete files["00-namespace.yaml"];
    const ns = parse(files, "x");
    expect(ns).toMatchObject({ businessUnit: null, isProduction: false, teams: ["webops"], modules: [{ module: "sqs" }] });
    expect(ns.problems).toEqual([
      { file: "00-namespace.yaml", message: "missing, and no file has a Namespace document: labels and annotations are unknown", severity: "warning" },
    ]);
  });

  it("an empty or comment-only 00-namespace.yaml is reported", () => {
    for (const text of ["", "# just a comment\n", "---\n"]) {
      const ns = parse({ ...cloudPlatformNamespace("x"), "00-namespace.yaml": text }, "x");
      expect(ns.businessUnit).toBeNull();
      expect(ns.teams).toEqual(["webops"]);
      expect(ns.problems).toEqual([{ file: "00-namespace.yaml", message: "empty: labels and annotations are unknown", severity: "warning" }]);
    }
  });

  it("takes the Namespace from another file when 00-namespace.yaml lacks it", () => {
    const files = cloudPlatformNamespace("x", { businessUnit: "LAA" });
    files["05-all.yaml"] = `kind: ConfigMap\nmetadata: { name: c }\n---\n${files["00-namespace.yaml"]}`;
    delete files["00-namespace.yaml"];
    const ns = parse(files, "x");
    expect(ns.businessUnit).toBe("LAA");
    expect(ns.problems).toEqual([{ file: "00-namespace.yaml", message: "missing; the Namespace was read from 05-all.yaml", severity: "warning" }]);

    const twice = parse({ ...cloudPlatformNamespace("x"), "09-dup.yaml": "kind: Namespace\nmetadata: { name: x }\n" }, "x");
    expect(twice.businessUnit).toBe("HMPPS");
    expect(twice.problems).toEqual([
      { file: "09-dup.yaml", message: "another Namespace document; the one in 00-namespace.yaml was used", severity: "warning" },
    ]);
  });

  it("malformed YAML: reports the line, keeps the other documents and files", () => {
    const files = cloudPlatformNamespace("x", { teams: ["a", "b"] });
    files["01-rbac.yaml"] = `${files["01-rbac.yaml"]}---\nkind: RoleBinding\nmetadata:\n  name: [unclosed\n`;
    const ns = parse(files, "x");
    expect(ns.teams).toEqual(["a", "b"]);
    expect(ns.businessUnit).toBe("HMPPS");
    expect(ns.problems).toHaveLength(1);
    expect(ns.problems[0]!.file).toBe("01-rbac.yaml");
    expect(ns.problems[0]!.message).toMatch(/^malformed YAML on line 1[5-8]: /);
    expect(ns.problems[0]!.severity).toBe("error");

    const bad = parse({ ...cloudPlatformNamespace("x"), "00-namespace.yaml": "kind: Namespace\nmetadata:\n  name: x\n   labels: {\n" }, "x");
    expect(bad.problems[0]!.message).toMatch(/^malformed YAML on line \d+/);
    expect(bad.problems[1]).toEqual({ file: "00-namespace.yaml", message: "could not be read: labels and annotations are unknown", severity: "error" });
    expect(bad.teams).toEqual(["webops"]);
  });

  it("non-string label values are read as text and reported; invalid is-production reads as false", () => {
    const ns = parse(
      {
        ...cloudPlatformNamespace("x"),
        "00-namespace.yaml": `kind: Namespace
metadata:
  name: x
  labels:
    ${P}/is-production: true
    ${P}/environment-name: 42
  annotations:
    ${P}/business-unit: { nested: map }
    ${P}/application: ""
    ${P}/review-after: 2025-01-01
`,
      },
      "x",
    );
    expect(ns).toMatchObject({ isProduction: true, environment: "42", businessUnit: null, application: null, reviewAfter: "2025-01-01" });
    expect(ns.problems.map((p) => p.message)).toEqual([
      `${P}/is-production is true unquoted; label and annotation values must be strings`,
      `${P}/business-unit is not a string; ignored`,
      `${P}/environment-name is 42 unquoted; label and annotation values must be strings`,
    ]);

    const yes = parse(
      {
        ...cloudPlatformNamespace("x"),
        "00-namespace.yaml": `kind: Namespace\nmetadata:\n  name: y\n  labels: { ${P}/is-production: "yes" }\n  annotations: [1]\n`,
      },
      "x",
    );
    expect(yes.isProduction).toBe(false);
    expect(yes.problems.map((p) => p.message)).toEqual([
      "metadata.annotations is not a mapping; ignored",
      'metadata.name is "y" but the folder is x',
      `${P}/is-production is "yes"; expected "true" or "false" (read as false)`,
    ]);
  });

  it("binary junk where text is expected is reported; binary files elsewhere are just listed", () => {
    const junk = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]);
    const ns = parse({ ...cloudPlatformNamespace("x"), "05-junk.yaml": junk, "resources/blob.tf": junk, "logo.png": junk }, "x");
    expect(ns.problems).toEqual([
      { file: "05-junk.yaml", message: "binary content where text was expected; the file was not read", severity: "error" },
      { file: "resources/blob.tf", message: "binary content where text was expected; the file was not read", severity: "error" },
    ]);
    expect(ns.files).toContain("logo.png");
    expect(ns.businessUnit).toBe("HMPPS");

    const control = parse({ ...cloudPlatformNamespace("x"), "06-ctl.yaml": "kind: A\u0007\n" }, "x");
    expect(control.problems[0]!.message).toMatch(/^malformed YAML/);
  });

  it("malformed HCL keeps the modules read and reports the line", () => {
    const ns = parse(
      {
        ...cloudPlatformNamespace("x"),
        "resources/rds.tf": `${moduleBlock("rds", "rds-instance", "9.2.0")}\nmodule "broken" {\n  source = "github.com/x/cloud-platform-terraform-sqs\n`,
        "resources/ok.tf": moduleBlock("ecr", "ecr-credentials", "8.0.0"),
        "resources/nosource.tf": 'module "nope" {\n  count = 1\n}\nmodule "expr" {\n  source = "${var.x}"\n}\n',
        "resources/registry.tf": 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  version = "5.0.0"\n}\n',
      },
      "x",
    );
    expect(ns.modules.map((m) => [m.file, m.module, m.ref])).toEqual([
      ["resources/ok.tf", "ecr-credentials", "8.0.0"],
      ["resources/rds.tf", "rds-instance", "9.2.0"],
      ["resources/rds.tf", "sqs", null],
      ["resources/registry.tf", "vpc", "5.0.0"],
    ]);
    expect(ns.problems).toEqual([
      { file: "resources/nosource.tf", message: 'module "nope" on line 1 has no source; it was not counted', severity: "error" },
      { file: "resources/nosource.tf", message: 'module "expr" on line 4 has a source that is not a plain string; it was not counted', severity: "error" },
      { file: "resources/rds.tf", message: "unterminated string starting on line 24", severity: "error" },
      { file: "resources/rds.tf", message: '"{" opened on line 23 is never closed', severity: "error" },
    ]);
  });

  it("marks count = 0 module blocks disabled; count = 1 and expressions stay enabled", () => {
    const replica = moduleBlock("replica", "rds-instance", "9.2.0").replace(/source *= *"[^"]*"\n/, (line) => `${line}  count = 0\n`);
    const on = moduleBlock("on", "sqs", "5.1.2").replace(/source *= *"[^"]*"\n/, (line) => `${line}  count = 1\n`);
    const maybe = moduleBlock("maybe", "sqs", "5.1.2").replace(/source *= *"[^"]*"\n/, (line) => `${line}  count = var.enabled ? 1 : 0\n`);
    const ns = parse({ ...cloudPlatformNamespace("x"), "resources/rds.tf": replica + on + maybe }, "x");
    expect(ns.modules.map((m) => [m.name, m.disabled ?? false])).toEqual([
      ["replica", true],
      ["on", false],
      ["maybe", false],
    ]);
  });

  it("never throws on random text built from YAML and HCL punctuation", () => {
    const alphabet = [
      '"',
      "'",
      "{",
      "}",
      "[",
      "]",
      "$",
      "%",
      "\\",
      "#",
      "/",
      "*",
      "<<EOF",
      "EOF",
      "\n",
      " ",
      ":",
      "-",
      "---",
      "module",
      "source",
      "=",
      "a",
      "\t",
      "|",
      ">",
      "&",
      "!",
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 80 }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      expect(() => parse({ "00-namespace.yaml": text, "01-x.yaml": text, "resources/main.tf": text }, "x")).not.toThrow();
    }
  });

  it("never throws on arbitrary input", () => {
    const texts = ["\0\0", "{{{{", "<<EOF", '"', "---\n---\n: : :", "\uFEFFkind: Namespace", "a: *unknown", "%YAML 9.9\n---"];
    for (const text of texts) {
      expect(() => parse({ "00-namespace.yaml": text, "resources/main.tf": text, "x.yml": text }, "x")).not.toThrow();
    }
  });
});
