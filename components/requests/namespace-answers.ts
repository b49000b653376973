/** A namespace request's answers as the server takes them (lib/environments/requests/namespace-request.ts). */
export type NamespaceAnswers = {
  name: string;
  cluster: string;
  environment: string;
  isProduction: boolean;
  application: string;
  team: string;
  businessUnit: string;
  slackChannel: string;
  serviceArea: string;
  ownerName: string;
  ownerEmail: string;
  sourceCode: string;
  reviewAfter: string;
  /** A prototype site, as the request's answers hold it. */
  prototype?: { repository: string; deployPullRequest: boolean };
};

/** The form's own state: flat, with the prototype's answers as fields of their own. */
export type FormAnswers = Omit<NamespaceAnswers, "prototype"> & { kind: "namespace" | "prototype"; prototypeRepository: string; prototypeDeployPr: boolean };

/** The request the server checks: a prototype site is named after its repository. */
export function toRequest(answers: FormAnswers): NamespaceAnswers {
  const { kind, prototypeRepository, prototypeDeployPr, ...rest } = answers;
  if (kind !== "prototype") return rest;
  return { ...rest, name: prototypeRepository, prototype: { repository: prototypeRepository, deployPullRequest: prototypeDeployPr } };
}

/** The server's field names for the form's own. */
const SERVER_KEY: Record<string, keyof FormAnswers> = { "prototype.repository": "prototypeRepository", "prototype.deployPullRequest": "prototypeDeployPr" };

/** The server's field errors keyed by the form's fields. */
export function formFieldErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [SERVER_KEY[key] ?? key, message]));
}
