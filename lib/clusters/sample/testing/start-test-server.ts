import { generateSampleObjects } from "../generate-sample-objects";
import type { KubeObject } from "../kube-object";
import { startSampleApiServer, type SampleApiServer, type SampleApiServerOptions } from "../start-sample-api-server";

export const TEST_TOKEN = "sample-test-token";

/** Test helper: a sample API server over 12 generated namespaces, on a free port. */
export async function startTestServer(
  options: Partial<SampleApiServerOptions> = {},
  /** Changes the generated objects before the server starts (adds one a test needs, say). */
  adjust: (objects: KubeObject[]) => KubeObject[] = (objects) => objects,
): Promise<SampleApiServer & { get(path: string): Promise<Response> }> {
  const namespaces = Array.from({ length: 12 }, (_, i) => ({ name: `team-${i}-dev`, production: false, team: `team-${i}` }));
  const { objects } = generateSampleObjects({ namespaces, seed: 3, now: new Date("2026-01-05T09:00:00Z") });
  const server = await startSampleApiServer({ objects: adjust(objects), token: TEST_TOKEN, ...options });
  return { ...server, get: (path) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }) };
}
