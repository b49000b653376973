import { generateSampleObjects } from "../generate-sample-objects";
import { startSampleApiServer, type SampleApiServer, type SampleApiServerOptions } from "../start-sample-api-server";

export const TEST_TOKEN = "sample-test-token";

/** Test helper: a sample API server over 12 generated namespaces, on a free port. */
export async function startTestServer(options: Partial<SampleApiServerOptions> = {}): Promise<SampleApiServer & { get(path: string): Promise<Response> }> {
  const namespaces = Array.from({ length: 12 }, (_, i) => ({ name: `team-${i}-dev`, production: false, team: `team-${i}` }));
  const { objects } = generateSampleObjects({ namespaces, seed: 3, now: new Date("2026-01-05T09:00:00Z") });
  const server = await startSampleApiServer({ objects, token: TEST_TOKEN, ...options });
  return { ...server, get: (path) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${TEST_TOKEN}` } }) };
}
