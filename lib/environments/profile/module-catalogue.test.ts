import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInCatalogue, interfaceLag } from "./module-catalogue";
import { latestVersion, latestVersions } from "./module-version";
import { cloudPlatformProfile, loadProfile } from "./profile";

describe("the built-in catalogue", () => {
  it("carries the newest versions in use and the interfaces of the modules Berth offers", () => {
    expect(latestVersions(cloudPlatformProfile)).toMatchObject({
      "elasticache-cluster": "8.2.0",
      serviceaccount: "1.2.0",
      "ecr-credentials": "8.0.2",
      sqs: "5.1.2",
      irsa: "2.1.0",
      "rds-instance": "9.2.0",
    });
    const redis = builtInCatalogue["elasticache-cluster"]!;
    expect(redis.latestFrom).toBe("built-in");
    expect(redis.interface!.irsaPolicy).toEqual({ output: "irsa_policy_arn", condition: "enable_irsa = true" });
    expect(redis.interface!.outputs).toContainEqual({ name: "member_clusters", type: "list(string)", sensitive: false });
    expect(redis.interface!.secretKeys).toMatchObject({ member_clusters: "member_clusters", replication_group_id: "replication_group_id" });
    expect(builtInCatalogue["ecr-credentials"]!.interface!.irsaPolicy).toEqual({ output: "irsa_policy_arn" });
    expect(builtInCatalogue.irsa!.interface!.irsaPolicy).toBeNull();
    expect(builtInCatalogue.irsa!.interface!.inputs).toContainEqual({ name: "eks_cluster_name", type: "string", required: true });
  });

  it("says where an interface is older than the latest version", () => {
    expect(interfaceLag(builtInCatalogue["ecr-credentials"]!)).toBe("interface read at 7.1.1; the latest version is 8.0.2");
    expect(interfaceLag(builtInCatalogue.serviceaccount!)).toBe("interface read at 1.1.0; the latest version is 1.2.0");
    expect(interfaceLag(builtInCatalogue["rds-instance"]!)).toBeNull();
  });
});

describe("loadProfile: modules", () => {
  const write = (modules: unknown) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "berth-profile-")), "profile.json");
    const { name, labelPrefix, clusters, businessUnits, environments, skipApplyMarker, modulePrefix, moduleSource, defaults } = cloudPlatformProfile;
    writeFileSync(
      file,
      JSON.stringify({ name, labelPrefix, clusters, businessUnits, environments, skipApplyMarker, modulePrefix, moduleSource, defaults, modules }),
    );
    return file;
  };

  it("reads the older { name: version } form, borrowing the built-in interface of a known module", () => {
    const p = loadProfile(write({ sqs: "6.0.0", widget: "1.0.0" }));
    expect(latestVersion(p, "sqs")).toBe("6.0.0");
    expect(p.modules.sqs!.latestFrom).toBe("profile");
    expect(p.modules.sqs!.interface!.inputs.map((i) => i.name)).toContain("sqs_name");
    expect(p.modules.widget).toEqual({ latest: "1.0.0", latestFrom: "profile" });
  });

  it("reads the catalogue form and names a bad field", () => {
    const p = loadProfile(
      write({
        queue: {
          latest: "2.0.0",
          latestFrom: "index",
          latestAt: "2026-12-01",
          interface: { at: "2.0.0", inputs: [{ name: "q", required: true }], outputs: [{ name: "arn" }] },
        },
      }),
    );
    expect(p.modules.queue!.interface).toEqual({
      at: "2.0.0",
      inputs: [{ name: "q", type: "any", required: true }],
      outputs: [{ name: "arn", type: "string", sensitive: false }],
      irsaPolicy: null,
      secretKeys: {},
    });
    expect(() => loadProfile(write({ queue: { latest: "2.0.0", latestFrom: "guess" } }))).toThrow(/Invalid profile .*modules\.queue/);
  });
});
