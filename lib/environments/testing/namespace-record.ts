import type { NamespaceRecord } from "../types";

/** Test fixture: an indexed namespace with plain defaults, for code that works on records rather than files. */
export function namespaceRecord(name: string, overrides: Partial<NamespaceRecord> = {}): NamespaceRecord {
  const domain = "live.cloud-platform.service.justice.gov.uk";
  return {
    cluster: "live",
    clusterDomain: domain,
    name,
    path: `namespaces/${domain}/${name}`,
    businessUnit: "HMPPS",
    environment: "development",
    isProduction: false,
    application: `${name} app`,
    owner: "Team: team@example.com",
    teams: ["team-a"],
    otherAccess: [],
    slackChannel: "#a",
    teamName: null,
    slackAlertChannel: null,
    sourceCode: null,
    reviewAfter: null,
    skipApply: false,
    files: [],
    modules: [],
    secrets: [],
    problems: [],
    ...overrides,
  };
}
