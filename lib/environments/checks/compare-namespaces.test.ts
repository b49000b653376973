import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { compareNamespaces } from "./compare-namespaces";

const run = (rel: string, text: string) => compareNamespaces(changeFixture({ [`${LIVE}/orders-dev/${rel}`]: text }), profile)[0]!;

describe("compare-namespaces", () => {
  it("passes a namespace variable and literal namespaces equal to the folder", () => {
    expect(run("resources/variables.tf", 'variable "namespace" {\n  default = "orders-dev"\n}\n').status).toBe("pass");
    expect(run("resources/s.tf", 'resource "kubernetes_secret" "s" {\n  metadata {\n    namespace = var.namespace\n  }\n}\n').status).toBe("pass");
  });

  it("fails a namespace variable or literal naming another namespace", () => {
    expect(run("resources/variables.tf", 'variable "namespace" {\n  description = "x"\n  default = "orders-prod"\n}\n')).toMatchObject({
      status: "fail",
      message: 'resources/variables.tf: namespace "orders-prod" is not the folder\'s, orders-dev',
    });
    expect(run("resources/s.tf", '  metadata {\n    namespace = "kube-system"\n  }\n').status).toBe("fail");
  });
});
