/** Word lists that application names are built from, per business unit. */
export interface ApplicationWords {
  /** Name prefixes, e.g. `hmpps`; "" for none. */
  prefixes: string[];
  /** What the service is about, e.g. `prisoner-search`. */
  subjects: string[];
  /** Whole service names, used as they are: `book-a-prison-visit`. */
  services: string[];
  /** Area for the `service_area` Terraform variable. */
  serviceArea: string;
}

/** Endings of application names; none is an environment word, so `<app>-<env>` stays unambiguous. */
export const applicationSuffixes = ["", "", "", "api", "ui", "service", "search", "events", "admin", "reporting", "worker", "gateway", "sync"];

const generic: ApplicationWords = {
  prefixes: [""],
  subjects: [
    "orders", "payments", "accounts", "notifications", "search", "reports", "documents", "bookings", "cases",
    "users", "audit", "billing", "catalogue", "scheduling", "messaging", "identity", "content", "forms",
  ],
  services: ["manage-orders", "find-a-document", "view-reports", "apply-for-a-permit"],
  serviceArea: "Hosting",
};

export const applicationWordsByBusinessUnit: Record<string, ApplicationWords> = {
  HMPPS: {
    prefixes: ["hmpps", "hmpps", "hmpps", "dps", ""],
    subjects: [
      "prisoner", "prison-visit", "offender", "probation-case", "sentence", "licence", "court-case", "activities",
      "incentives", "adjudications", "keyworker", "allocation", "locations", "alerts", "case-notes", "contacts",
      "non-associations", "education", "work-readiness", "resettlement", "accommodation", "approved-premises",
      "risk", "tier", "interventions", "accredited-programmes", "video-link", "secure-move", "prisoner-finance",
      "health", "medication", "parole", "curfew", "electronic-monitoring", "workforce", "release-dates", "recall",
      "court-register", "prison-register", "nomis-sync", "manage-users", "token-verification", "jobs-board",
      "launchpad", "prisoner-profile", "community-payback",
    ],
    services: ["book-a-prison-visit", "manage-a-workforce", "create-and-vary-a-licence", "calculate-release-dates", "check-my-diary", "manage-prison-visits", "refer-and-monitor-an-intervention", "prepare-a-case", "book-a-video-link", "manage-adjudications", "find-a-prisoner", "record-a-goal", "send-legal-mail-to-prisons", "make-a-recall-decision", "manage-offences", "use-of-force", "welcome-people-into-prison", "court-case-service", "temporary-accommodation", "community-accommodation", "check-in-and-report", "get-someone-ready-to-work", "match-learner-record", "incident-reporting", "manage-intelligence", "prisoner-money", "assess-risks-and-needs"],
    serviceArea: "Prisons and Probation",
  },
  LAA: {
    prefixes: ["laa", "laa", "laa", ""],
    subjects: [
      "crime-apply", "crime-review", "crime-eligibility", "means-assessment", "civil-apply", "client-qualifies",
      "legal-aid", "bulk-claim", "crown-court-defence", "court-data", "payments", "contract", "provider",
      "fee-calculator", "hmrc-interface", "benefit-checker", "crime-forms", "dces", "portal", "case-management",
      "ccms", "maat", "legal-adviser", "claims", "billing", "disbursements", "assessments", "exceptional-funding",
    ],
    services: ["apply-for-criminal-legal-aid", "apply-for-civil-legal-aid", "check-your-client-qualifies-for-legal-aid", "claim-for-crown-court-defence", "view-court-data", "submit-a-bulk-claim", "estimate-financial-eligibility", "crime-application-store", "court-data-adaptor", "legal-aid-agency-portal"],
    serviceArea: "Legal Aid",
  },
  HMCTS: {
    prefixes: ["hmcts", "hmcts", ""],
    subjects: [
      "court-store", "jury", "family-mediation", "probate", "tribunals", "employment-tribunals", "money-claims",
      "fee-register", "court-finder", "court-bookings", "divorce", "hearings", "listings", "bulk-scan", "court-fines",
    ],
    services: ["find-a-court-or-tribunal", "jury-summoning", "family-mediation-voucher", "money-claims", "probate-online", "employment-tribunal-claims", "pay-a-court-fine", "respond-to-a-claim"],
    serviceArea: "Courts and Tribunals",
  },
  Platforms: {
    prefixes: ["cloud-platform", "platform", "ops-eng", ""],
    subjects: [
      "monitoring", "logging", "concourse", "grafana", "alertmanager", "dashboard", "reports", "velero",
      "external-dns", "github-actions", "runners", "cost-explorer", "user-guide", "runbooks", "status-page",
      "tools", "ecr-scanner", "tech-docs", "developer-portal", "janitor",
    ],
    services: ["cloud-platform-user-guide", "cloud-platform-reports", "operations-engineering-reports", "concourse", "github-actions-runners", "developer-portal", "tech-docs", "status-page"],
    serviceArea: "Hosting",
  },
  "Central Digital": {
    prefixes: ["moj", "justice", "form-builder", ""],
    subjects: [
      "forms", "editor", "publisher", "intranet", "content", "data-catalogue", "content-hub", "design-system",
      "feedback", "blog", "site-search", "service-desk", "prisoner-content",
    ],
    services: ["moj-forms", "form-builder-editor", "form-builder-publisher", "intranet", "justice-gov-uk", "find-moj-data", "prisoner-content-hub", "book-a-secure-move"],
    serviceArea: "Central Digital",
  },
  HQ: {
    prefixes: ["moj", "moj", ""],
    subjects: [
      "correspondence", "query-tracker", "staff-directory", "people-finder", "finance", "hr", "estates",
      "knowledge", "ministerial-submissions", "parliamentary-questions", "data-requests", "procurement",
    ],
    services: ["track-a-query", "people-finder", "correspondence-tool-staff", "correspondence-tool-public", "parliamentary-questions", "data-requests"],
    serviceArea: "Corporate Services",
  },
  "Technology Services": {
    prefixes: ["tech-services", "ts", ""],
    subjects: ["identity", "intune", "networks", "printers", "devices", "laptop-build", "service-now", "collaboration", "mail", "vpn", "security-alerts"],
    services: ["service-now-integration", "laptop-build", "intune-reports", "network-inventory", "print-management"],
    serviceArea: "Technology Services",
  },
  OPG: {
    prefixes: ["opg", "opg", ""],
    subjects: ["sirius", "lpa", "deputy-reporting", "refunds", "lpa-codes", "data-lpa", "paper-identity", "modernising-lpa", "lpa-store"],
    services: ["use-an-lpa", "make-an-lpa", "complete-the-deputy-report", "modernising-lpa", "lpa-store"],
    serviceArea: "Public Guardian",
  },
  CICA: {
    prefixes: ["cica", "cica", ""],
    subjects: ["apply", "case-work", "re-application", "dashboard", "data-capture", "tariff", "payments", "webhooks"],
    services: ["apply-for-criminal-injuries-compensation", "cica-case-work", "cica-re-application", "cica-tariff"],
    serviceArea: "Criminal Injuries Compensation",
  },
};

/** Words for a business unit; a unit the lists do not know gets generic words and its own slug as prefix. */
export function applicationWordsFor(businessUnit: string): ApplicationWords {
  const known = applicationWordsByBusinessUnit[businessUnit];
  if (known) return known;
  const slug = businessUnit.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 20);
  return { ...generic, prefixes: slug ? [slug, slug, ""] : [""] };
}

/** Queue names for the sqs module (HCL identifiers). */
export const queueWords = [
  "domain_events", "audit", "offender_events", "prisoner_events", "notifications", "case_updates", "document_uploads",
  "payments", "allocations", "court_events", "probation_events", "email", "sync", "reporting", "alerts", "hearing_events",
];
