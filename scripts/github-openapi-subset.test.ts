import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { restOperations } from "../e2e/fakes/github/rest-operations";
import { SUBSET_PATH, subsetFromInstalledPackage } from "./github-openapi-subset";

describe("github-openapi-subset", () => {
  const committed = readFileSync(SUBSET_PATH, "utf8");

  it("is exactly what the script generates from the installed @octokit/openapi (regenerate, never hand-edit)", () => {
    expect(committed === subsetFromInstalledPackage()).toBe(true);
  });

  it("describes every operation the fake serves, and only those", () => {
    const subset = JSON.parse(committed) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const described = Object.entries(subset.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.operationId)
        .map(([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`),
    );
    const served = restOperations.map((operation) => `${operation.method} ${operation.path} ${operation.operationId}`);
    expect(described.sort()).toEqual([...served].sort());
  });
});
