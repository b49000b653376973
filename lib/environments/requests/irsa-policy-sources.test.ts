import { describe, expect, it } from "vitest";
import { modulesSchema } from "../profile/module-catalogue";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { hasIrsaPolicy, irsaPolicyKinds, namespacePolicySources } from "./irsa-policy-sources";
import { RESOURCE_KINDS } from "./resource-request";

describe("irsaPolicyKinds", () => {
  it("lists the kinds whose catalogue module has an irsa_policy_arn: ECR yes, serviceaccount and irsa no", () => {
    expect(irsaPolicyKinds(profile)).toEqual(["rds", "s3", "sqs", "sns", "elasticache", "dynamodb", "ecr"]);
  });

  it("follows the catalogue: a module whose interface declares no policy gives none", () => {
    const edited = {
      modules: {
        ...profile.modules,
        "ecr-credentials": { ...profile.modules["ecr-credentials"]!, interface: { ...profile.modules["ecr-credentials"]!.interface!, irsaPolicy: null } },
      },
    };
    expect(irsaPolicyKinds(edited)).not.toContain("ecr");
    expect(hasIrsaPolicy(edited, "ecr-credentials")).toBe(false);
  });

  it("falls back to the modules Berth knows when the catalogue has no interface", () => {
    const bare = { modules: modulesSchema.parse({ "my-sqs": "1.0.0" }) };
    expect(hasIrsaPolicy(bare, "sqs")).toBe(true);
    expect(hasIrsaPolicy(bare, "serviceaccount")).toBe(false);
  });

  it("matches the kinds the IRSA field's help names", () => {
    const help = RESOURCE_KINDS.find((k) => k.kind === "irsa")!.fields.find((f) => f.name === "policies")!.help!;
    expect(help).toContain(`of kinds ${irsaPolicyKinds(profile).join(", ")}.`);
  });
});

describe("namespacePolicySources", () => {
  it("lists the enabled blocks that give a policy, in the namespace's order, never the irsa block itself", () => {
    const use = (name: string, module: string, disabled = false) => ({
      name,
      module,
      source: "",
      ref: null,
      file: "main.tf",
      ...(disabled ? { disabled } : {}),
    });
    const modules = [use("db", "rds-instance"), use("replica", "rds-instance", true), use("sa", "serviceaccount"), use("role", "irsa"), use("q", "sqs")];
    expect(namespacePolicySources(profile, modules, "role")).toEqual(["db", "q"]);
    expect(namespacePolicySources(profile, modules, "db")).toEqual(["q"]);
  });
});
