import { afterEach, describe, expect, it } from "vitest";
import { cloudPlatformNamespace } from "../../environments/testing/cloud-platform-namespace";
import { createTestRepo, type TestRepo } from "../../environments/testing/git-repo";
import { outputsSecret } from "../../environments/render/render-module-block";
import { startApplyPipeline, type ApplyPipeline } from "./apply-pipeline";
import { SAMPLE_SECRET_MARKER } from "./sample-namespace-objects";
import { startTestServer } from "./testing/start-test-server";

const folder = "namespaces/live.cloud-platform.service.justice.gov.uk";
const files = (name: string, extra: Record<string, string> = {}) =>
  Object.fromEntries(
    Object.entries({ ...cloudPlatformNamespace(name, { teams: ["visits"] }), ...extra }).map(([file, text]) => [`${folder}/${name}/${file}`, text]),
  );

describe("the sample cluster's apply pipeline", () => {
  let repo: TestRepo;
  let pipeline: ApplyPipeline | undefined;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    pipeline?.stop();
    await server?.close();
    repo.remove();
  });

  async function setup() {
    repo = createTestRepo();
    repo.commit(files("already-there"));
    server = await startTestServer();
    const lines: string[] = [];
    pipeline = startApplyPipeline({
      repo: repo.dir,
      folder,
      skipApplyMarker: "APPLY_PIPELINE_SKIP_THIS_NAMESPACE",
      labelPrefix: "cloud-platform.justice.gov.uk",
      controls: server.controls,
      delayMs: 20,
      pollMs: 60_000,
      log: (line) => lines.push(line),
    });
    await pipeline.tick();
    return { server, pipeline, lines };
  }
  const exists = async (name: string) => (await server!.get(`/api/v1/namespaces/${name}`)).status === 200;
  const secrets = async (name: string) =>
    ((await (await server!.get(`/api/v1/namespaces/${name}/secrets`)).json()) as { items: { metadata: { name: string }; data: Record<string, string> }[] })
      .items;

  it("applies a merged namespace and the secrets its Terraform declares, with their keys", async () => {
    const { pipeline } = await setup();
    expect(await exists("already-there")).toBe(false);
    repo.commit(files("visits-dev", { "resources/rds.tf": outputsSecret("visits_db", "visits-db-output", ["database_name", "rds_instance_endpoint"]) }));
    expect(await exists("visits-dev")).toBe(false);
    await pipeline.tick();
    expect(await exists("visits-dev")).toBe(true);
    const secret = (await secrets("visits-dev")).find((s) => s.metadata.name === "visits-db-output");
    expect(Object.keys(secret!.data)).toEqual(["database_name", "rds_instance_endpoint"]);
    for (const value of Object.values(secret!.data)) expect(Buffer.from(value, "base64").toString()).toMatch(new RegExp(`^${SAMPLE_SECRET_MARKER}`));
    // Commits made before it started are not its business: the platform applied (or skipped) them long ago.
    expect(await exists("already-there")).toBe(false);
  });

  it("adds a later resource's secret to a live namespace, and skips a namespace marked to be skipped", async () => {
    const { pipeline, lines } = await setup();
    repo.commit(files("visits-dev"));
    await pipeline.tick();
    repo.commit({ [`${folder}/visits-dev/resources/sqs.tf`]: outputsSecret("queue", "queue-output", ["sqs_url"]) });
    await pipeline.tick();
    expect((await secrets("visits-dev")).find((s) => s.metadata.name === "queue-output")).toBeDefined();

    repo.commit(files("skipped-dev", { "resources/main.tf": "# APPLY_PIPELINE_SKIP_THIS_NAMESPACE\n" }));
    await pipeline.tick();
    expect(await exists("skipped-dev")).toBe(false);
    expect(lines.join("")).toContain("skipped-dev is marked APPLY_PIPELINE_SKIP_THIS_NAMESPACE");
  });
});
