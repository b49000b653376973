import { describe, expect, it } from "vitest";
import { cloudPlatformProfile } from "./profile";
import { compareVersions, isMajorBump, pinStatus } from "./module-version";

describe("isMajorBump", () => {
  it("is true only when the pin rises to a new major version", () => {
    expect(isMajorBump("4.0.0", "5.1.2")).toBe(true);
    expect(isMajorBump("v8.0.0", "9.2.0")).toBe(true);
    expect(isMajorBump("5.0.0", "5.1.2")).toBe(false);
    expect(isMajorBump("6.0.0", "5.1.2")).toBe(false);
    expect(isMajorBump("main", "5.1.2")).toBe(false);
  });
});

describe("compareVersions", () => {
  it("orders dotted numbers numerically", () => {
    expect(compareVersions("5.1.2", "5.1.10")).toBe(-1);
    expect(compareVersions("v9.2.0", "9.2")).toBe(0);
    expect(compareVersions("10.0.0", "9.9.9")).toBe(1);
  });
  it("refuses what is not a plain version", () => {
    expect(compareVersions("main", "1.0.0")).toBeNull();
    expect(compareVersions("1.0.0-rc1", "1.0.0")).toBeNull();
  });
});

describe("pinStatus", () => {
  const p = cloudPlatformProfile;
  it("compares with the catalogue", () => {
    expect(pinStatus({ module: "rds-instance", ref: "9.2.0" }, p)).toBe("current");
    expect(pinStatus({ module: "rds-instance", ref: "8.0.1" }, p)).toBe("behind");
    expect(pinStatus({ module: "rds-instance", ref: "10.0.0" }, p)).toBe("ahead");
    expect(pinStatus({ module: "rds-instance", ref: null }, p)).toBe("unpinned");
    expect(pinStatus({ module: "rds-instance", ref: "main" }, p)).toBe("unknown");
    expect(pinStatus({ module: "vpc", ref: "1.0.0" }, p)).toBe("uncatalogued");
  });
});
