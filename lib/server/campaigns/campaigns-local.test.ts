import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { migratedPostgresUrl } from "@/lib/db/testing/postgres-test-database";
import { parseEnv } from "@/lib/env";
import { generateSampleRepo } from "@/lib/environments/sample/generate-sample-repo";
import { testLogger } from "@/lib/testing/test-logger";
import { createServices, type Services } from "../services";
import { campaignFor, retryTarget, runCampaignsTick, startCampaign } from "./campaign-service";

/**
 * A campaign with the local provider (the demo's and the e2e's), wired from
 * settings: each turn is a branch in the repository; the way the e2e makes a
 * target fail and then succeed is a commit on main breaking that namespace's
 * file between the start and its turn, and one restoring it before the retry.
 */
describe("campaigns with the local provider", () => {
  const url = migratedPostgresUrl("campaigns_local");
  let dir: string;
  let repo: string;
  let services: Services;
  let now = Date.now();
  const rita: Viewer = { sessionId: "s-rita", login: "rita", name: "Rita", kind: "local", teams: ["webops"], reviewer: true };
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "berth-campaigns-local-"));
    repo = path.join(dir, "environments");
    await generateSampleRepo({ dir: repo, namespaces: 4, seed: 11 });
    services = createServices(parseEnv({ DATABASE_URL: url, BERTH_DATA_DIR: path.join(dir, "data"), BERTH_ENVIRONMENTS_REPO: repo }), {
      clock: { now: () => new Date(now) },
      log: testLogger(),
    });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A commit on main made outside Berth (another merged pull request). */
  function commitOnMain(file: string, content: string) {
    writeFileSync(path.join(repo, file), content);
    git("add", file);
    git("-c", "user.name=someone", "-c", "user.email=someone@example.com", "commit", "-q", "-m", "main moves");
  }

  it("opens a branch per namespace; a namespace broken on main fails at its turn and opens once fixed and retried", async () => {
    const snapshot = await services.inventory.snapshot();
    const { id } = await startCampaign(services, rita, {
      title: "Alerts",
      operation: "metadata",
      answers: { slackChannel: "local-alerts" },
      filter: {},
      prsPerMinute: 10,
    });
    const broken = snapshot.namespaces[0]!;
    const file = `${broken.path}/00-namespace.yaml`;
    const original = git("show", `HEAD:${file}`) + "\n";
    commitOnMain(file, `${original}metadata: [unclosed\n`);

    await runCampaignsTick(services);
    let detail = await campaignFor(services, rita, id);
    expect(detail.counts).toMatchObject({ opened: snapshot.namespaces.length - 1, failed: 1, notOpened: 0 });
    expect(detail.targets.find((t) => t.namespace === broken.name)).toMatchObject({ state: "failed", reason: expect.stringMatching(/^Refused on main/) });
    for (const target of detail.targets.filter((t) => t.state === "opened")) {
      const request = await services.db.request.findUniqueOrThrow({ where: { id: target.requestId! } });
      expect(request).toMatchObject({ state: "pr_open", campaignId: id });
      expect(git("diff", "--name-only", `HEAD...${request.branch}`)).toBe(`${snapshot.find(target.cluster, target.namespace)!.path}/00-namespace.yaml`);
    }

    commitOnMain(file, original);
    await retryTarget(services, rita, id, { cluster: broken.cluster, namespace: broken.name });
    now += 61_000;
    await runCampaignsTick(services);
    detail = await campaignFor(services, rita, id);
    expect(detail.targets.find((t) => t.namespace === broken.name)).toMatchObject({ state: "opened", requestState: "pr_open", attempts: 1, reason: null });
    expect(detail.campaign.state).toBe("finished");
  }, 300_000);
});
