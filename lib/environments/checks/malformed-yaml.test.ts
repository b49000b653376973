import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { changeFixture, LIVE } from "../testing/change-fixture";
import { malformedYaml } from "./malformed-yaml";

const run = (files: Record<string, string | null>) => malformedYaml(changeFixture(files), profile);

describe("malformed-yaml", () => {
  it("fails a .yaml or .yml file at any depth that does not parse, naming the line", () => {
    expect(run({ [`${LIVE}/a/00-namespace.yaml`]: "kind: Namespace\nmetadata: [unclosed\n" })[0]).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/00-namespace\.yaml: line \d/),
    });
    expect(run({ [`${LIVE}/a/deep/er/x.yml`]: "a: b: c\n" })[0]!.status).toBe("fail");
    expect(run({ ".github/workflows/x.yml": "on: [push\n" })[0]!.status).toBe("fail");
  });

  it("skips files under secret/, and what is not YAML", () => {
    expect(run({ [`${LIVE}/a/secret/x.yaml`]: "{{ sops encrypted: [\n", [`${LIVE}/a/resources/x.tf`]: "{{" })[0]!.status).toBe("pass");
  });

  it("accepts what PyYAML accepts: several documents, empty documents, duplicate keys, lists", () => {
    expect(run({ [`${LIVE}/a/x.yaml`]: "---\na: 1\na: 2\n---\n---\n- x\n" })[0]).toMatchObject({ status: "pass", message: "1 YAML file parses" });
  });
});
