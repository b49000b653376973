import { describe, expect, it } from "vitest";
import { ownersFor, parseCodeowners } from "./parse-codeowners";

describe("parseCodeowners", () => {
  it("reads the platform's file: everything needs WebOps", () => {
    const rules = parseCodeowners("# The platform team reviews everything\n* @ministryofjustice/WebOps\n");
    expect(ownersFor(rules, ["namespaces/live.cloud-platform.service.justice.gov.uk/a/00-namespace.yaml"])).toEqual(["@ministryofjustice/WebOps"]);
  });

  it("lets the last matching rule win, per path, and unions the paths' owners", () => {
    const rules = parseCodeowners("*  @org/all\n/namespaces/live-2.example/ @org/live2  # second cluster\n*.md @org/docs\n");
    expect(ownersFor(rules, ["namespaces/live-2.example/x/a.yaml"])).toEqual(["@org/live2"]);
    expect(ownersFor(rules, ["docs/README.md", "namespaces/live.example/x/a.yaml"])).toEqual(["@org/docs", "@org/all"]);
  });

  it("matches nothing for an empty file", () => {
    expect(ownersFor(parseCodeowners("\n# nothing\n"), ["a"])).toEqual([]);
  });
});
