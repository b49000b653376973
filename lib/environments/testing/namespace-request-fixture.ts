import type { NamespaceRequest } from "../requests/namespace-request";

/** Test fixture: a valid namespace request (the Cloud Platform profile's "live" cluster); override what a test is about. */
export function namespaceRequestFixture(overrides: Partial<NamespaceRequest> = {}): NamespaceRequest {
  return {
    name: "book-a-visit-dev",
    cluster: "live",
    environment: "development",
    isProduction: false,
    application: "Book a prison visit",
    team: "hmpps-visits",
    businessUnit: "HMPPS",
    slackChannel: "visits-dev",
    serviceArea: "Prisons",
    ownerName: "Visits team",
    ownerEmail: "visits@example.gov.uk",
    sourceCode: "https://github.com/ministryofjustice/book-a-visit",
    reviewAfter: "",
    ...overrides,
  };
}
