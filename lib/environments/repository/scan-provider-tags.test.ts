import { describe, expect, it } from "vitest";
import { objectKeys, scanProviderTags } from "./scan-provider-tags";

describe("scanProviderTags", () => {
  it("reads each aws provider's alias and default tag keys, quoted or bare, ignoring comments and other providers", () => {
    const text = [
      '# provider "aws" { default_tags { tags = { commented = 1 } } }',
      'provider "aws" {',
      '  region = "eu-west-2"',
      "  default_tags {",
      "    tags = {",
      "      business-unit = var.business_unit # the BU",
      '      "is-production" = var.is_production',
      '      source-code   = "github.com/x{y}"',
      "    }",
      "  }",
      "}",
      'provider "aws" {',
      '  alias  = "london"',
      '  region = "eu-west-2"',
      "}",
      'provider "aws" {',
      '  alias = "ireland"',
      "  default_tags {",
      "    tags = local.default_tags",
      "  }",
      "}",
      'provider "kubernetes" {}',
    ].join("\r\n");
    expect(scanProviderTags(text)).toEqual([
      { alias: null, tags: ["business-unit", "is-production", "source-code"] },
      { alias: "london", tags: [] },
      { alias: "ireland", tags: null },
    ]);
  });

  it("reads one-line objects and refuses what is not an object", () => {
    expect(objectKeys('{ a = 1, "b-c" = { d = 2 }, e = "f,g = h" }')).toEqual(["a", "b-c", "e"]);
    expect(objectKeys("merge(local.tags, { a = 1 })")).toBeNull();
  });
});
