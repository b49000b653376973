import { modulesSchema } from "../profile/module-catalogue";
import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { RESOURCE_KINDS, resourceRequestSchema } from "./resource-request";
import { namespaceRecord } from "../testing/namespace-record";
import type { ModuleUse } from "../types";
import { validateResourceRequest } from "./validate-resource-request";

const moduleUse = (name: string, module: string, ref: string | null, file = `resources/${name}.tf`): ModuleUse => ({
  name,
  module,
  ref,
  file,
  source: `github.com/ministryofjustice/cloud-platform-terraform-${module}${ref ? `?ref=${ref}` : ""}`,
});
const namespace = namespaceRecord("orders-dev", {
  files: ["00-namespace.yaml", "resources/main.tf", "resources/rds.tf", "resources/ecr.tf", "resources/notes.tf", "resources/custom.tf", "resources/loose.tf"],
  modules: [
    moduleUse("rds", "rds-instance", "8.0.0", "resources/rds.tf"),
    moduleUse("ecr", "ecr-credentials", "8.0.0"),
    moduleUse("custom", "my-module", "1.0.0"),
    moduleUse("loose", "sqs", null),
    moduleUse("ahead", "sqs", "9.0.0", "resources/notes.tf"),
  ],
});
const context = { namespace, profile };
const check = (...resources: unknown[]) => validateResourceRequest({ resources }, context);
const errors = (...resources: unknown[]) => {
  const result = check(...resources);
  return result.ok ? {} : result.fields;
};

describe("resourceRequestSchema", () => {
  it("accepts the answers file of the brief and drops unknown keys", () => {
    const result = check(
      { kind: "rds", name: "orders_db", engineVersion: "16", instanceClass: "db.t4g.micro", extra: 1 },
      { kind: "irsa", name: "orders_irsa", serviceAccount: "orders", policies: ["orders_db"] },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        resources: [
          { kind: "rds", name: "orders_db", engineVersion: "16", instanceClass: "db.t4g.micro" },
          { kind: "irsa", name: "orders_irsa", serviceAccount: "orders", policies: ["orders_db"] },
        ],
      },
    });
  });

  it.each([
    ["Orders", "the name must start with a lower-case letter"],
    ["1db", "the name must start with a lower-case letter"],
    ["orders-db", "use only lower-case letters, digits and underscores (a Terraform identifier)"],
    ["orders db", "use only lower-case letters, digits and underscores (a Terraform identifier)"],
    ["a".repeat(64), "the name is too long: at most 63 characters"],
    ["", "enter a resource name"],
  ])("refuses the name %j", (name, message) => {
    expect(errors({ kind: "ecr", name })["resources.0.name"]).toBe(message);
  });

  it("accepts a 63-character identifier", () => {
    expect(check({ kind: "ecr", name: `a${"b_1".repeat(20)}ab` }).ok).toBe(true);
  });

  it("refuses an unknown kind, values outside the allowed lists, and bad bounds", () => {
    expect(errors({ kind: "lambda", name: "x" })["resources.0.kind"]).toMatch(/^choose a kind: rds, s3/);
    const e = errors({ kind: "rds", name: "db", engineVersion: "9", instanceClass: "db.x1e.32xlarge", storageLimitGb: 5 });
    expect(e["resources.0.engineVersion"]).toMatch(/one of: 14, 15, 16, 17/);
    expect(e["resources.0.instanceClass"]).toMatch(/one of: db\.t4g\.micro/);
    expect(e["resources.0.storageLimitGb"]).toBe("the storage limit must be at least 20 GB");
    expect(errors({ kind: "rds", name: "db", engineVersion: "16", instanceClass: "db.t4g.micro", storageLimitGb: 1.5 })["resources.0.storageLimitGb"]).toMatch(
      /whole number/,
    );
    expect(errors({ kind: "elasticache", name: "c", nodeType: "cache.r7g.16xlarge" })["resources.0.nodeType"]).toMatch(/one of/);
  });

  it("needs 1 to 10 resources", () => {
    expect(errors()["resources"]).toBe("add at least one resource");
    expect(errors(...Array.from({ length: 11 }, (_, i) => ({ kind: "ecr", name: `r${i}` })))["resources"]).toMatch(/at most 10/);
    expect(validateResourceRequest([], context)).toEqual({ ok: false, fields: { request: "expected an object with a resources list" } });
    expect(validateResourceRequest({ resources: "x" }, context)).toEqual({ ok: false, fields: { resources: "resources must be a list" } });
  });

  it("needs a single-line justification for a public bucket", () => {
    expect(errors({ kind: "s3", name: "b", publicAccess: true })["resources.0.justification"]).toMatch(/say why the bucket must be public/);
    expect(errors({ kind: "s3", name: "b", publicAccess: true, justification: "  " })["resources.0.justification"]).toMatch(
      /say why the bucket must be public/,
    );
    expect(errors({ kind: "s3", name: "b", publicAccess: true, justification: "a\nb" })["resources.0.justification"]).toMatch(/single line/);
    expect(check({ kind: "s3", name: "b", publicAccess: true, justification: "Public website assets" }).ok).toBe(true);
  });

  it("takes an empty optional answer, as a form sends it, as no answer: a private bucket, a table without a range key", () => {
    expect(check({ kind: "s3", name: "b", publicAccess: false, justification: "" })).toEqual({
      ok: true,
      value: { resources: [{ kind: "s3", name: "b", publicAccess: false }] },
    });
    expect(check({ kind: "dynamodb", name: "t", hashKey: "id", rangeKey: " " })).toEqual({
      ok: true,
      value: { resources: [{ kind: "dynamodb", name: "t", hashKey: "id" }] },
    });
    expect(errors({ kind: "s3", name: "b", publicAccess: true, justification: "" })["resources.0.justification"]).toMatch(/say why the bucket must be public/);
    expect(check({ kind: "s3", name: "b", publicAccess: false }).ok).toBe(true);
  });

  it("describes every kind of the schema for forms, with defaults the schema accepts", () => {
    const kinds = RESOURCE_KINDS.map((k) => k.kind);
    expect(kinds).toEqual(["rds", "s3", "sqs", "sns", "elasticache", "dynamodb", "ecr", "serviceaccount", "irsa", "upgrade"]);
    for (const k of RESOURCE_KINDS.filter((k) => k.kind !== "upgrade" && k.kind !== "irsa")) {
      const answer: Record<string, unknown> = { kind: k.kind, name: "x" };
      for (const f of k.fields) if (f.default !== undefined && f.name !== "name") answer[f.name] = f.default;
      if (k.kind === "sns") answer.displayName = "Events";
      expect(resourceRequestSchema.safeParse({ resources: [answer] }).success, k.kind).toBe(true);
      for (const f of k.fields.filter((f) => f.options)) expect(f.options).toContain(f.default);
    }
    expect(JSON.parse(JSON.stringify(RESOURCE_KINDS))).toEqual(RESOURCE_KINDS);
  });
});

describe("validateResourceRequest: names in the namespace", () => {
  it("refuses a name whose file or module block already exists", () => {
    expect(errors({ kind: "ecr", name: "notes" })["resources.0.name"]).toBe("resources/notes.tf already exists in this namespace");
    expect(errors({ kind: "ecr", name: "ahead" })["resources.0.name"]).toBe("a module block named ahead already exists in resources/notes.tf");
    expect(errors({ kind: "ecr", name: "main" })["resources.0.name"]).toMatch(/standard files/);
  });

  it("checks companion blocks: a dead-letter queue and a read replica", () => {
    const ns = namespaceRecord("n", { modules: [moduleUse("jobs_dlq", "sqs", "5.1.2"), moduleUse("db_replica", "rds-instance", "9.2.0")] });
    const r1 = validateResourceRequest({ resources: [{ kind: "sqs", name: "jobs", deadLetterQueue: true }] }, { namespace: ns, profile });
    expect(r1.ok || r1.fields["resources.0.name"]).toMatch(/jobs_dlq \(the name of its dead-letter queue\) already exists/);
    const r2 = validateResourceRequest(
      { resources: [{ kind: "rds", name: "db", engineVersion: "16", instanceClass: "db.t4g.micro", readReplica: true }] },
      { namespace: ns, profile },
    );
    expect(r2.ok || r2.fields["resources.0.name"]).toMatch(/db_replica \(the name of its read replica\)/);
    expect(validateResourceRequest({ resources: [{ kind: "sqs", name: "jobs" }] }, { namespace: ns, profile }).ok).toBe(true);
  });

  it("refuses a name used twice within the request, including companions", () => {
    expect(errors({ kind: "ecr", name: "img" }, { kind: "s3", name: "img" })).toEqual({
      "resources.1.name": "img is already used by resources.0 in this request",
    });
    expect(errors({ kind: "sqs", name: "jobs", deadLetterQueue: true }, { kind: "sqs", name: "jobs_dlq" })["resources.1.name"]).toBe(
      "jobs_dlq is already used by resources.0 in this request",
    );
  });

  it("refuses a kind whose module is not in the profile's catalogue", () => {
    const small = { ...profile, modules: modulesSchema.parse({ sqs: "1.0.0" }) };
    expect(validateResourceRequest({ resources: [{ kind: "ecr", name: "img" }] }, { namespace, profile: small })).toEqual({
      ok: false,
      fields: { "resources.0.kind": "the platform's catalogue has no ecr-credentials module" },
    });
  });
});

describe("validateResourceRequest: IRSA references", () => {
  const irsa = (...policies: string[]) => ({ kind: "irsa", name: "app_irsa", serviceAccount: "app", policies });

  it("accepts existing IRSA-capable modules and resources of the same request (companions too)", () => {
    expect(check({ kind: "sqs", name: "jobs", deadLetterQueue: true }, irsa("rds", "jobs", "jobs_dlq")).ok).toBe(true);
    expect(check(irsa("new_table"), { kind: "dynamodb", name: "new_table", hashKey: "id" }).ok).toBe(true);
  });

  it("refuses unknown names, kinds without a policy, and its own name", () => {
    expect(errors(irsa("missing"))["resources.0.policies.0"]).toBe("there is no resource named missing in this namespace or request");
    // ecr-credentials has an irsa_policy_arn output (36 real roles use it).
    expect(errors(irsa("ecr"))["resources.0.policies.0"]).toBeUndefined();
    expect(errors(irsa("custom"))["resources.0.policies.0"]).toMatch(/my-module module, which has no IRSA policy/);
    expect(errors({ kind: "serviceaccount", name: "ci" }, irsa("rds", "ci"))["resources.1.policies.1"]).toMatch(
      /serviceaccount module, which has no IRSA policy/,
    );
    expect(errors(irsa("app_irsa"))["resources.0.policies.0"]).toBe("an IRSA role cannot take its own policy");
    expect(errors(irsa())["resources.0.policies"]).toMatch(/at least one/);
    expect(errors(irsa("rds", "rds"))["resources.0.policies"]).toBe("a resource is listed twice");
    expect(errors({ ...irsa("rds"), serviceAccount: "Bad_SA" })["resources.0.serviceAccount"]).toMatch(/Kubernetes name/);
  });
});

describe("validateResourceRequest: upgrades", () => {
  const up = (name: string, version: string) => ({ kind: "upgrade", name, version });

  it("accepts an existing, pinned, catalogued block moving to the catalogue's version", () => {
    expect(check(up("rds", "9.2.0")).ok).toBe(true);
  });

  it.each(["v9.2.0", "9.2.0.0", "09.2.0", "9.2", "9.2.0 ", "9.2.00"])("refuses %j, which only compares equal to the catalogue's 9.2.0", (version) => {
    expect(errors(up("rds", version))["resources.0.version"]).toMatch(/the catalogue's version of rds-instance, 9\.2\.0|a version such as/);
  });

  it("refuses what it cannot upgrade, saying why", () => {
    expect(errors(up("nothing", "1.0.0"))["resources.0.name"]).toBe("there is no module block named nothing in this namespace");
    expect(errors(up("custom", "2.0.0"))["resources.0.name"]).toMatch(/my-module, which is not in the platform's catalogue/);
    expect(errors(up("loose", "5.1.2"))["resources.0.name"]).toMatch(/not pinned/);
    expect(errors(up("rds", "9.1.0"))["resources.0.version"]).toBe("upgrades go to the catalogue's version of rds-instance, 9.2.0");
    expect(errors(up("rds", "10.0.0"))["resources.0.version"]).toBe("upgrades go to the catalogue's version of rds-instance, 9.2.0");
    expect(errors(up("ahead", "5.1.2"))["resources.0.version"]).toMatch(/pinned at 9\.0\.0, ahead of the catalogue's 5\.1\.2; Berth does not downgrade/);
    expect(errors(up("rds", "9.2.0"), up("rds", "9.2.0"))["resources.1.name"]).toBe("rds is upgraded twice in this request");
    expect(errors(up("rds", '9.2.0"'))["resources.0.version"]).toMatch(/a version such as/);
    const current = namespaceRecord("n", { modules: [moduleUse("q", "sqs", "5.1.2")] });
    expect(validateResourceRequest({ resources: [up("q", "5.1.2")] }, { namespace: current, profile })).toEqual({
      ok: false,
      fields: { "resources.0.version": "q is already at 5.1.2" },
    });
  });
});

describe("validateResourceRequest: disabled (count = 0) blocks", () => {
  const replica = { ...moduleUse("orders_replica", "rds-instance", "8.0.0", "resources/rds.tf"), disabled: true };
  const withReplica = namespaceRecord("orders-dev", {
    files: ["resources/rds.tf"],
    modules: [moduleUse("rds", "rds-instance", "8.0.0", "resources/rds.tf"), replica],
  });
  const validate = (...resources: unknown[]) => validateResourceRequest({ resources }, { namespace: withReplica, profile });

  it("cannot be upgraded: they are not in use", () => {
    expect(validate({ kind: "upgrade", name: "orders_replica", version: "9.2.0" })).toEqual({
      ok: false,
      fields: { "resources.0.name": "orders_replica is disabled (count = 0), so it is not in use; remove it or enable it by hand" },
    });
    expect(validate({ kind: "upgrade", name: "rds", version: "9.2.0" }).ok).toBe(true);
  });

  it("give no IRSA policy, and their names stay taken", () => {
    expect(validate({ kind: "irsa", name: "app_irsa", serviceAccount: "app", policies: ["orders_replica"] })).toEqual({
      ok: false,
      fields: { "resources.0.policies.0": "orders_replica is disabled (count = 0); it has no policy to give" },
    });
    expect(validate({ kind: "sqs", name: "orders_replica" })).toMatchObject({
      ok: false,
      fields: { "resources.0.name": expect.stringMatching(/already exists/) },
    });
  });
});
