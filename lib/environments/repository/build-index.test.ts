import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "./build-index";
import { NotAnEnvironmentsRepoError } from "./errors";
import { headCommit } from "./head-commit";
import { inventoryStats } from "../inventory/inventory-stats";
import { cloudPlatformProfile as profile } from "../profile/profile";
import { cloudPlatformNamespace, moduleBlock } from "../testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../testing/git-repo";
import { updateIndex } from "./update-index";

const LIVE = "live.cloud-platform.service.justice.gov.uk";
const LIVE2 = "live-2.cloud-platform.service.justice.gov.uk";

function folder(domain: string, name: string, files: Record<string, string | null>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(files).map(([rel, text]) => [`namespaces/${domain}/${name}/${rel}`, text]));
}

describe("buildIndex and updateIndex on a git repository", () => {
  let repo: TestRepo;
  let first: string;

  beforeAll(() => {
    repo = createTestRepo();
    first = repo.commit({
      "README.md": "environments",
      "namespaces/README.md": "not a namespace",
      [`namespaces/${LIVE}/README.md`]: "not a namespace either",
      ...folder(LIVE, "alpha", cloudPlatformNamespace("alpha", { businessUnit: "LAA", resources: { "sqs.tf": moduleBlock("q", "sqs", "5.1.2") } })),
      ...folder(LIVE, "beta", cloudPlatformNamespace("beta", { isProduction: true, teams: ["b1", "b2"] })),
      ...folder(LIVE, "gamma", cloudPlatformNamespace("gamma")),
      ...folder(LIVE2, "delta", { ...cloudPlatformNamespace("delta", { businessUnit: "OPG" }), "01-rbac.yml": "kind: RoleBinding\n" }),
    });
  });
  afterAll(() => repo.remove());

  it("reads the committed tree, not the working tree", async () => {
    writeFileSync(path.join(repo.dir, `namespaces/${LIVE}/alpha/00-namespace.yaml`), "uncommitted: [");
    const index = await buildIndex({ repoPath: repo.dir, profile });
    repo.git("checkout", "--", ".");

    expect(index.commit).toBe(first);
    expect([...index.namespaces.keys()]).toEqual([`${LIVE2}/delta`, `${LIVE}/alpha`, `${LIVE}/beta`, `${LIVE}/gamma`]);
    const alpha = index.namespaces.get(`${LIVE}/alpha`)!;
    expect(alpha).toMatchObject({
      cluster: "live",
      name: "alpha",
      businessUnit: "LAA",
      problems: [],
      modules: [{ module: "sqs", ref: "5.1.2", file: "resources/sqs.tf" }],
    });
    expect(alpha.files).toContain("resources/main.tf");
    expect(index.namespaces.get(`${LIVE}/beta`)).toMatchObject({ isProduction: true, teams: ["b1", "b2"] });
    expect(index.namespaces.get(`${LIVE2}/delta`)).toMatchObject({
      cluster: "live-2",
      problems: [
        { file: "01-rbac.yml", message: "use .yaml: the repository's policy check reads only *.yaml, so this manifest escapes it", severity: "warning" },
      ],
    });
    expect(inventoryStats(index.namespaces.values())).toEqual({
      namespaces: 4,
      byCluster: { live: 3, "live-2": 1 },
      byBusinessUnit: { HMPPS: 2, LAA: 1, OPG: 1 },
      production: 1,
      modules: { sqs: 1 },
    });
    expect(await headCommit(repo.dir)).toBe(first);
  });

  it("updateIndex re-reads only modified, added and deleted namespaces, and leaves the old index alone", async () => {
    const index = await buildIndex({ repoPath: repo.dir, profile, commit: first });
    const before = new Map(index.namespaces);
    const second = repo.commit({
      [`namespaces/${LIVE}/alpha/resources/rds.tf`]: moduleBlock("rds", "rds-instance", "9.2.0"),
      [`namespaces/${LIVE}/gamma`]: null,
      ...folder(LIVE, "epsilon", cloudPlatformNamespace("epsilon", { businessUnit: "HQ" })),
      "README.md": "changed outside namespaces",
    });

    const { index: next, changed } = await updateIndex(index);
    expect(changed).toEqual([`${LIVE}/alpha`, `${LIVE}/epsilon`, `${LIVE}/gamma`]);
    expect(next).not.toBe(index);
    expect(next.commit).toBe(second);
    expect([...next.namespaces.keys()]).toEqual([`${LIVE2}/delta`, `${LIVE}/alpha`, `${LIVE}/beta`, `${LIVE}/epsilon`]);
    expect(next.namespaces.get(`${LIVE}/alpha`)!.modules.map((m) => m.module)).toEqual(["rds-instance", "sqs"]);
    expect(next.namespaces.get(`${LIVE}/epsilon`)!.businessUnit).toBe("HQ");
    // Untouched namespaces are the same objects: they were not re-read.
    expect(next.namespaces.get(`${LIVE}/beta`)).toBe(index.namespaces.get(`${LIVE}/beta`));
    expect(next.namespaces.get(`${LIVE2}/delta`)).toBe(index.namespaces.get(`${LIVE2}/delta`));
    // The caller's index is unchanged.
    expect(index.commit).toBe(first);
    expect(index.namespaces).toEqual(before);

    const same = await updateIndex(next);
    expect(same).toEqual({ index: next, changed: [] });

    const back = await updateIndex(next, { commit: first });
    expect(back.changed).toEqual(changed);
    expect(back.index.namespaces).toEqual(index.namespaces);
  });

  it("streams large blobs, binary junk and symlinks through one cat-file process", async () => {
    const other = createTestRepo();
    try {
      const big = `kind: ConfigMap\nmetadata: { name: big }\ndata:\n${Array.from({ length: 40_000 }, (_, i) => `  k${i}: "${"x".repeat(40)}"`).join("\n")}\n`;
      const files = { ...cloudPlatformNamespace("a", { teams: ["t"] }), "05-big.yaml": big, "logo.png": "\u0000\u0001" };
      other.commit({ ...folder(LIVE, "a", files), [`namespaces/${LIVE}/a/06-junk.yaml`]: Buffer.from([0, 159, 146, 150, 0]) });
      symlinkSync("01-rbac.yaml", path.join(other.dir, `namespaces/${LIVE}/a/07-link.yaml`));
      other.commit({});
      const ns = (await buildIndex({ repoPath: other.dir, profile })).namespaces.get(`${LIVE}/a`)!;
      expect(big.length).toBeGreaterThan(1_000_000);
      expect(ns.teams).toEqual(["t"]);
      expect(ns.businessUnit).toBe("HMPPS");
      expect(ns.files).toContain("logo.png");
      expect(ns.problems).toEqual([
        { file: "06-junk.yaml", message: "binary content where text was expected; the file was not read", severity: "error" },
        { file: "07-link.yaml", message: "a symbolic link, not a file; it was not read", severity: "error" },
      ]);
    } finally {
      other.remove();
    }
  });

  it("honours a profile whose namespaces folder is nested", async () => {
    const other = createTestRepo();
    try {
      const nested = { ...profile, namespacesDir: "k8s/namespaces/" };
      const put = (name: string) =>
        Object.fromEntries(Object.entries(cloudPlatformNamespace(name)).map(([rel, text]) => [`k8s/namespaces/${LIVE}/${name}/${rel}`, text]));
      other.commit({ ...put("a"), ...put("b"), ...folder(LIVE, "ignored", cloudPlatformNamespace("ignored")) });
      const index = await buildIndex({ repoPath: other.dir, profile: nested });
      expect([...index.namespaces.keys()]).toEqual([`${LIVE}/a`, `${LIVE}/b`]);
      expect(index.namespaces.get(`${LIVE}/a`)!.path).toBe(`k8s/namespaces/${LIVE}/a`);
      other.commit({ [`k8s/namespaces/${LIVE}/b`]: null, ...put("c"), [`namespaces/${LIVE}/ignored`]: null });
      const { index: next, changed } = await updateIndex(index);
      expect(changed).toEqual([`${LIVE}/b`, `${LIVE}/c`]);
      expect([...next.namespaces.keys()]).toEqual([`${LIVE}/a`, `${LIVE}/c`]);
    } finally {
      other.remove();
    }
  });

  it("updateIndex to a commit without the namespaces folder empties the index", async () => {
    const other = createTestRepo();
    try {
      other.commit(folder(LIVE, "a", cloudPlatformNamespace("a")));
      const index = await buildIndex({ repoPath: other.dir, profile });
      other.commit({ namespaces: null, "README.md": "gone" });
      const { index: next, changed } = await updateIndex(index);
      expect(changed).toEqual([`${LIVE}/a`]);
      expect(next.namespaces.size).toBe(0);
    } finally {
      other.remove();
    }
  });
});

describe("not an environments repository", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "berth-not-repo-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const reason = async (repoPath: string, commit?: string) => {
    const error = await buildIndex({ repoPath, profile, commit }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAnEnvironmentsRepoError);
    return [(error as NotAnEnvironmentsRepoError).reason, (error as Error).message];
  };

  it("a path that does not exist", async () => {
    expect(await reason(path.join(scratch, "nope"))).toEqual(["missing", `${path.join(scratch, "nope")} does not exist`]);
  });

  it("a folder that is not a git repository", async () => {
    expect(await reason(scratch)).toEqual(["not-git", `${scratch} is not a git repository`]);
  });

  it("a git repository without commits, and an unknown commit", async () => {
    const repo = createTestRepo();
    try {
      expect(await reason(repo.dir)).toEqual(["no-commits", `${repo.dir} has no commits`]);
      await expect(headCommit(repo.dir)).rejects.toThrow(NotAnEnvironmentsRepoError);
      repo.commit({ "namespaces/x/y/00-namespace.yaml": "" });
      expect((await reason(repo.dir, "0123456789abcdef"))[0]).toBe("unknown-commit");
    } finally {
      repo.remove();
    }
  });

  it("a repository without a namespaces folder", async () => {
    const repo = createTestRepo();
    try {
      const commit = repo.commit({ "README.md": "hello" });
      expect(await reason(repo.dir)).toEqual([
        "no-namespaces-dir",
        `${repo.dir} has no namespaces/ folder at commit ${commit.slice(0, 12)}; is it an environments repository?`,
      ]);
    } finally {
      repo.remove();
    }
  });
});
