import type { NamespaceRecord } from "../../lib/environments/types";
import { signIn } from "../load/server";
import { summarize } from "./stats";

type Stats = ReturnType<typeof summarize>;

export interface EditPreviewResult {
  namespace: string;
  metadataMs: Stats;
  resourceMs: Stats;
}

/** A namespace its owners may edit: an owning team, a Slack channel and an RDS block in use. */
async function editableNamespace(origin: string): Promise<{ ns: NamespaceRecord; rds: string }> {
  const cookie = await signIn(origin, "alice-adeyemi", "hmpps-sre");
  const response = await fetch(`${origin}/api/namespaces?module=rds-instance&pageSize=500`, { headers: { cookie } });
  const { rows } = (await response.json()) as { rows: NamespaceRecord[] };
  for (const ns of rows) {
    const rds = ns.modules.find((m) => m.module === "rds-instance" && !m.disabled);
    if (rds && ns.teams.length > 0 && ns.slackChannel) return { ns, rds: rds.name };
  }
  throw new Error("the bench repository has no namespace with an owning team, a Slack channel and an RDS block");
}

/**
 * "The edit preview API under 100 ms median on the 5,000-namespace bench
 * repository": POST /api/requests/edit/preview over HTTP as a signed-in owner
 * of the namespace, for a metadata edit (the Slack channel) and a resource
 * settings edit (an RDS instance class), each answer checked (one changed
 * file, no field error). Two answers alternate so every call changes
 * something; one warm-up call each is not counted.
 */
export async function editPreviewBench(origin: string, rounds = 50): Promise<EditPreviewResult> {
  const { ns, rds } = await editableNamespace(origin);
  const cookie = await signIn(origin, "alice-adeyemi", ns.teams[0]!);
  const target = { cluster: ns.cluster, namespace: ns.name };
  const preview = async (body: unknown) => {
    const t = performance.now();
    const response = await fetch(`${origin}/api/requests/edit/preview`, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { fields?: Record<string, string>; files?: unknown[] };
    const ms = performance.now() - t;
    if (!response.ok || Object.keys(json.fields ?? {}).length > 0 || json.files?.length !== 1) {
      throw new Error(`edit preview of ${ns.cluster}/${ns.name}: HTTP ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
    }
    return ms;
  };
  const time = async (bodies: unknown[]) => {
    for (const body of bodies) await preview(body);
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) samples.push(await preview(bodies[i % bodies.length]));
    return summarize(samples);
  };
  const metadata = (slackChannel: string) => ({ ...target, operation: "metadata", answers: { slackChannel } });
  const resource = (db_instance_class: string) => ({ ...target, operation: "resource", answers: { name: rds, inputs: { db_instance_class } } });
  return {
    namespace: `${ns.cluster}/${ns.name}`,
    metadataMs: await time([metadata("bench-preview-a"), metadata("bench-preview-b")]),
    resourceMs: await time([resource("db.r6g.large"), resource("db.r6g.xlarge")]),
  };
}

export function editPreviewRows(r: EditPreviewResult): [string, string, string][] {
  return [
    [
      `edit preview API over HTTP, metadata (Slack channel) (median/p95 of ${r.metadataMs.n})`,
      `${r.metadataMs.median} / ${r.metadataMs.p95} ms`,
      "< 100 ms median",
    ],
    [`edit preview API over HTTP, RDS instance class (median/p95 of ${r.resourceMs.n})`, `${r.resourceMs.median} / ${r.resourceMs.p95} ms`, "< 100 ms median"],
  ];
}
