import { controlClient } from "./fakes/github/control-client";
import { FAKE_GITHUB_URL } from "./fixtures/servers";

/**
 * Berth must only send GitHub what GitHub accepts, and the fake must only
 * answer what GitHub would: any OpenAPI violation seen during the run fails it
 * (the fake also answered that request with a 500, failing its test).
 */
export default async function globalTeardown(): Promise<void> {
  const violations = await controlClient(FAKE_GITHUB_URL).violations();
  if (violations.length > 0) throw new Error(`The fake GitHub saw requests or answers outside GitHub's OpenAPI description:\n${violations.join("\n")}`);
}
