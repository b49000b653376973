import { latestVersion } from "@/lib/environments/profile/module-version";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { embeddedTestDatabase } from "@/lib/db/testing/embedded-test-database";
import { buildIndex } from "@/lib/environments/repository/build-index";
import { pinStatus } from "@/lib/environments/profile/module-version";
import { cloudPlatformProfile as profile } from "@/lib/environments/profile/profile";
import { generateSampleRepo } from "@/lib/environments/sample/generate-sample-repo";
import type { NamespaceRecord } from "@/lib/environments/types";
import { createLocalProvider } from "@/lib/git/local-provider";
import { getRequest } from "./get-request";
import { parseStoredReview } from "@/lib/environments/checks/review-forecast";
import { rbacTeams } from "@/lib/environments/checks/check-permissions";
import { submitResourceRequest } from "./submit-resource-request";
import { testLogger } from "@/lib/testing/test-logger";

const db = embeddedTestDatabase();
let repo: string;
let namespaces: NamespaceRecord[];
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();
const viewer = (teams: string[]): Viewer => ({ sessionId: "s", login: `user-${teams.join("-")}`, name: "U", kind: "github", teams, reviewer: false });

beforeAll(async () => {
  repo = path.join(mkdtempSync(path.join(os.tmpdir(), "berth-resources-")), "environments");
  await generateSampleRepo({ dir: repo, namespaces: 40, seed: 9 });
  namespaces = [...(await buildIndex({ repoPath: repo, profile })).namespaces.values()];
});
afterAll(() => rmSync(path.dirname(repo), { recursive: true, force: true }));

/** A team the namespace's 01-rbac.yaml binds: the repository's check-permissions reads only that file. */
const owner = (ns: NamespaceRecord) => rbacTeams(git("show", `HEAD:${ns.path}/01-rbac.yaml`))[0]!;

function deps() {
  return {
    db: db(),
    profile,
    provider: createLocalProvider({ repoPath: repo, baseBranch: "main" }),
    draft: { labels: ["berth"], reviewerTeams: ["webops"], publicUrl: null },
    log: testLogger(),
    readFile: async (p: string) => {
      try {
        return git("show", `HEAD:${p}`) + "\n";
      } catch {
        return null;
      }
    },
  };
}

describe("resource requests", () => {
  it("are only for the namespace's owners, and a refusal writes nothing", async () => {
    const ns = namespaces[0]!;
    const before = [git("branch", "--list"), await db().request.count()];
    await expect(submitResourceRequest(viewer(["someone-else"]), ns, { resources: [{ kind: "sqs", name: "jobs" }] }, deps())).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      submitResourceRequest(viewer([ns.teams[0]!]), ns, { resources: [{ kind: "irsa", name: "role", serviceAccount: "app", policies: ["nope"] }] }, deps()),
    ).rejects.toMatchObject({
      code: "invalid_input",
      fields: { "resources.0.policies.0": "there is no resource named nope in this namespace or request" },
    });
    expect([git("branch", "--list"), await db().request.count()]).toEqual(before);
  });

  it("refuses a block whose variable the namespace lacks and cannot supply, naming module and variable, writing nothing", async () => {
    const ns = { ...namespaces[2]!, application: null };
    const before = [git("branch", "--list"), await db().request.count()];
    const real = deps();
    // This namespace's variables.tf lacks `application`, and its metadata has no application annotation.
    const readFile = async (p: string) => {
      const text = await real.readFile(p);
      return p.endsWith("/resources/variables.tf") && text ? text.replace(/variable "application" \{[^}]*\}\n\n?/, "") : text;
    };
    await expect(submitResourceRequest(viewer([owner(ns)]), ns, { resources: [{ kind: "sqs", name: "jobs" }] }, { ...real, readFile })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { "resources.0.name": expect.stringMatching(/^module jobs uses var\.application, which the namespace does not declare/) },
    });
    expect([git("branch", "--list"), await db().request.count()]).toEqual(before);
  });

  it("puts RDS and an IRSA role using it into one commit of exactly two files; the IAM check does not flag role_policy_arns as such", async () => {
    const ns = namespaces[1]!;
    const { id } = await submitResourceRequest(
      viewer([owner(ns)]),
      ns,
      {
        resources: [
          { kind: "rds", name: "orders_db", engineVersion: "16", instanceClass: "db.t4g.micro" },
          { kind: "irsa", name: "orders_irsa", serviceAccount: "orders", policies: ["orders_db"] },
        ],
      },
      deps(),
    );
    const request = await getRequest(db(), viewer([owner(ns)]), id);
    expect(request.state).toBe("pr_open");
    expect(git("diff", "--name-only", `main...${request.branch}`).split("\n")).toEqual([
      `${ns.path}/resources/orders_db.tf`,
      `${ns.path}/resources/orders_irsa.tf`,
    ]);
    const row = await db().request.findUniqueOrThrow({ where: { id } });
    expect(parseStoredReview(row.review)).toMatchObject({ version: 2, autoApproved: null, failing: [], flags: { iam: false } });
  });

  it("forecasts a plain queue: no failing check, the CODEOWNERS' approval", async () => {
    const ns = namespaces.find((n) => !n.isProduction && !n.skipApply) ?? namespaces[2]!;
    const { id } = await submitResourceRequest(viewer([owner(ns)]), ns, { resources: [{ kind: "sqs", name: "jobs_queue", deadLetterQueue: false }] }, deps());
    const row = await db().request.findUniqueOrThrow({ where: { id } });
    const forecast = parseStoredReview(row.review)!;
    expect(forecast).toMatchObject({ failing: [], autoApproved: null, flags: { iam: false, yamlOutsideResources: false } });
    expect(forecast.summary).toMatch(/^Needs an approval from .*; the platform has no auto-approver$/);
  });

  it("upgrades a lagging module by changing only its pinned ref", async () => {
    const ns = namespaces.find((n) => n.modules.some((m) => pinStatus(m, profile) === "behind"))!;
    const lagging = ns.modules.find((m) => pinStatus(m, profile) === "behind")!;
    const current = latestVersion(profile, lagging.module)!;
    const { id } = await submitResourceRequest(viewer([owner(ns)]), ns, { resources: [{ kind: "upgrade", name: lagging.name, version: current }] }, deps());
    const request = await getRequest(db(), viewer([owner(ns)]), id);
    const diff = git("diff", "--unified=0", `main...${request.branch}`)
      .split("\n")
      .filter((l) => /^[-+][^-+]/.test(l));
    expect(diff).toEqual([expect.stringContaining(`ref=${lagging.ref}`), expect.stringContaining(`ref=${current}`)]);
  });

  it("refuses a resource file another open request of the namespace already adds, at the same moment too", async () => {
    const ns = namespaces[3]!;
    const owner = viewer([ns.teams[0]!]);
    const ask = (name: string) => submitResourceRequest(owner, ns, { resources: [{ kind: "sqs", name, deadLetterQueue: false }] }, deps());
    const first = await ask("shared_queue");
    await expect(ask("shared_queue")).rejects.toMatchObject({
      code: "invalid_input",
      fields: { "resources.0.name": `shared_queue.tf is already added by open request ${first.id}` },
    });
    const raced = await Promise.allSettled([ask("raced_queue"), ask("raced_queue")]);
    expect(raced.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().request.count({ where: { namespace: ns.name } })).toBe(2);
  });
});
