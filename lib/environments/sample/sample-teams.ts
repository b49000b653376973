/** A GitHub team in the sample organisation. */
export interface SampleTeam {
  /** The GitHub team slug, as in `github:<slug>` RoleBinding subjects. */
  slug: string;
  /** Display name, as in the owner annotation. */
  name: string;
  email: string;
  /** The business unit (of the built-in profile) the team works for. */
  businessUnit: string;
}

// Team slugs per business unit, sized like a real organisation: HMPPS and LAA
// large, OPG and CICA small.
const slugsByBusinessUnit: Record<string, string[]> = {
  HMPPS: [
    "hmpps-sre",
    "hmpps-developers",
    "hmpps-auth",
    "hmpps-tech-leads",
    "digital-prison-services",
    "prisoner-search",
    "hmpps-prisoner-profile",
    "hmpps-activities-management",
    "hmpps-incentives",
    "hmpps-adjudications",
    "hmpps-manage-a-workforce",
    "hmpps-interventions",
    "hmpps-accredited-programmes",
    "hmpps-education-skills-work",
    "hmpps-resettlement-passport",
    "hmpps-community-accommodation",
    "hmpps-approved-premises",
    "hmpps-temporary-accommodation",
    "hmpps-tier",
    "hmpps-risk-assessment",
    "hmpps-assess-risks-and-needs",
    "hmpps-probation-integration",
    "hmpps-delius",
    "hmpps-manage-people-on-probation",
    "hmpps-court-case-service",
    "hmpps-prepare-a-case",
    "hmpps-book-a-video-link",
    "prison-visits-booking",
    "hmpps-visits",
    "hmpps-calculate-release-dates",
    "hmpps-sentence-planning",
    "hmpps-locations",
    "hmpps-move-and-improve",
    "hmpps-book-secure-move",
    "hmpps-prisoner-finance",
    "hmpps-health-and-medication",
    "hmpps-non-associations",
    "hmpps-alerts",
    "hmpps-case-notes",
    "hmpps-contacts",
    "hmpps-keyworker",
    "hmpps-allocations",
    "hmpps-workload",
    "hmpps-create-and-vary-a-licence",
    "hmpps-hdc",
    "hmpps-parole",
    "hmpps-electronic-monitoring",
    "hmpps-digital-prison-reporting",
    "hmpps-data-insights",
    "hmpps-audit",
    "hmpps-integration-api",
    "hmpps-nomis-migration",
    "syscon-devs",
    "hmpps-jobs-board",
    "hmpps-launchpad",
  ],
  LAA: [
    "laa-crime-apply",
    "laa-crime-review",
    "laa-crime-eligibility",
    "laa-crime-means-assessment",
    "laa-civil-apply",
    "laa-check-client-qualifies",
    "laa-apply-for-legal-aid",
    "laa-submit-a-bulk-claim",
    "laa-claim-for-crown-court-defence",
    "laa-view-court-data",
    "laa-court-data-adaptor",
    "laa-payments",
    "laa-get-paid",
    "laa-data-stewardship",
    "laa-digital-sre",
    "laa-portal",
    "laa-civil-case-management",
    "laa-find-a-legal-advisor",
    "laa-hmrc-interface",
    "laa-benefit-checker",
    "laa-crime-forms",
    "laa-dces",
  ],
  HMCTS: [
    "hmcts-sdt",
    "hmcts-common-platform",
    "hmcts-court-store",
    "hmcts-jury-summoning",
    "hmcts-family-mediation",
    "hmcts-probate-online",
    "hmcts-tribunals",
    "hmcts-employment-tribunals",
    "hmcts-civil-money-claims",
    "hmcts-fee-register",
    "hmcts-find-a-court",
    "hmcts-court-bookings",
    "hmcts-divorce",
    "hmcts-reform-platform",
  ],
  Platforms: [
    "webops",
    "cloud-platform-team",
    "modernisation-platform",
    "operations-engineering",
    "analytical-platform",
    "data-platform",
    "observability-platform",
    "platform-security",
    "hosting-migration",
    "developer-portal",
    "github-community",
    "dns-team",
    "platform-tooling",
    "cloud-optimisation",
  ],
  "Central Digital": [
    "central-digital-product",
    "form-builder",
    "moj-forms",
    "justice-gov-uk",
    "intranet",
    "ppud-replacement",
    "book-a-secure-move",
    "find-moj-data",
    "prisoner-facing-services",
    "digital-service-desk",
    "design-system",
    "central-digital-sre",
    "moj-content",
    "user-research",
  ],
  HQ: [
    "moj-hq-digital",
    "moj-people-finder",
    "moj-correspondence-tool",
    "moj-track-a-query",
    "moj-staff-directory",
    "moj-ministerial-correspondence",
    "moj-finance-data",
    "moj-hr-systems",
    "moj-knowledge-hub",
    "moj-estates",
  ],
  "Technology Services": [
    "tech-services-identity",
    "tech-services-networks",
    "tech-services-endpoints",
    "tech-services-security",
    "tech-services-service-now",
    "tech-services-collaboration",
    "tech-services-devices",
    "tech-services-print",
  ],
  OPG: ["opg-sirius", "opg-use-an-lpa", "opg-make-a-lpa", "opg-digital-deputy", "opg-webops", "opg-data", "opg-refunds"],
  CICA: ["cica-apply", "cica-case-work", "cica-re-application", "cica-infrastructure", "cica-data"],
};

const acronyms = new Set([
  "hmpps",
  "laa",
  "opg",
  "cica",
  "hmcts",
  "moj",
  "sre",
  "api",
  "ui",
  "hq",
  "hr",
  "dns",
  "lpa",
  "hdc",
  "hmrc",
  "ppud",
  "dces",
  "sdt",
  "nomis",
]);

/** Title-cases a slug, keeping acronyms in capitals: `hmpps-sre` -> `HMPPS SRE`. */
export function displayNameOfSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => (acronyms.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(" ");
}

/** About 150 GitHub teams, each belonging to one business unit of the built-in profile. */
export const sampleTeams: readonly SampleTeam[] = Object.entries(slugsByBusinessUnit).flatMap(([businessUnit, slugs]) =>
  slugs.map((slug) => ({ slug, name: displayNameOfSlug(slug), email: `${slug}@digital.justice.gov.uk`, businessUnit })),
);

/** Finds a sample team by slug; throws for an unknown slug (a typo in code, not input). */
export function sampleTeam(slug: string): SampleTeam {
  const team = sampleTeams.find((t) => t.slug === slug);
  if (!team) throw new Error(`Unknown sample team ${slug}`);
  return team;
}
