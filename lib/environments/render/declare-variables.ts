import { escapeHcl } from "./escape-hcl";
import type { NamespaceRecord } from "../types";

/** A variable a change must add to a namespace's variables.tf; `value` is its default, absent for what the pipeline injects. */
export interface VariableDeclaration {
  name: string;
  description: string;
  value?: string;
}

/** Variables the apply pipeline injects: declared without a default. */
const INJECTED: Record<string, string> = {
  vpc_name: "VPC name to create security groups in for the ElastiCache and RDS modules",
  kubernetes_cluster: "Kubernetes cluster name for references to secrets for service accounts",
  eks_cluster_name: "The name of the EKS cluster to retrieve the OIDC information",
};

/**
 * The declaration a namespace lacks for `var.<name>`, with its value taken
 * from what the namespace's own metadata says (its labels and annotations);
 * null when the namespace does not say (the caller refuses the change).
 */
export function variableFor(
  name: string,
  ns: Pick<NamespaceRecord, "name" | "environment" | "businessUnit" | "application" | "isProduction" | "teams" | "owner" | "slackChannel">,
): VariableDeclaration | null {
  if (Object.hasOwn(INJECTED, name)) return { name, description: INJECTED[name]! };
  const email = ns.owner === null ? null : (/[^\s:<>]+@[^\s:<>]+/.exec(ns.owner)?.[0] ?? null);
  const known: Record<string, [string, string | null | undefined]> = {
    environment: ["Name of the environment type for this service", ns.environment],
    business_unit: ["Area of the MOJ responsible for this service", ns.businessUnit],
    application: ["Name of the application you are deploying", ns.application],
    is_production: ["Whether this environment type is production or not", String(ns.isProduction)],
    namespace: ["Name of the namespace these resources are part of", ns.name],
    team_name: ["Name of the development team responsible for this service", ns.teams[0]],
    infrastructure_support: ["Email address of the team responsible this service", email],
    slack_channel: ["Slack channel name for your team, if we need to contact you about this service", ns.slackChannel],
  };
  const entry = known[name];
  if (!entry || entry[1] === null || entry[1] === undefined || entry[1] === "") return null;
  return { name, description: entry[0], value: entry[1] };
}

/**
 * variables.tf with `declarations` appended in the file's own style: its
 * indentation, whether its variables carry `type = string`, whether `=` is
 * aligned, blank lines between blocks, and its final newline or the lack of
 * one. The existing text is kept byte for byte; `null` (no variables.tf)
 * gives a new file in the template's style.
 */
export function declareVariables(text: string | null, declarations: VariableDeclaration[]): string {
  if (declarations.length === 0 && text !== null) return text;
  const sample = text === null ? null : /^variable\s+"[^"]*"\s*\{\n([\s\S]*?)^\}/m.exec(text)?.[1];
  const indent = sample ? (/^([ \t]+)\S/m.exec(sample)?.[1] ?? "  ") : "  ";
  const typed = sample ? /^[ \t]+type\s*=/m.test(sample) : true;
  const aligned = sample ? /^[ \t]+(type|default)[ \t]{2,}=/m.test(sample) : true;
  const gap = text !== null && /\}\n\S/.test(text) && !/\}\n\n/.test(text) ? "\n" : "\n\n";
  const line = (key: string, value: string) => `${indent}${aligned ? key.padEnd(11) : key} = ${value}\n`;
  const blocks = declarations.map(
    (d) =>
      `variable "${d.name}" {\n` +
      line("description", escapeHcl(d.description)) +
      (typed ? line("type", "string") : "") +
      (d.value === undefined ? "" : line("default", escapeHcl(d.value))) +
      "}\n",
  );
  if (text === null || text.trim() === "") return blocks.join("\n");
  const endsWithNewline = text.endsWith("\n");
  const joined = blocks.join(gap === "\n" ? "" : "\n");
  const out = `${endsWithNewline ? text : `${text}\n`}${gap === "\n" ? "" : "\n"}${joined}`;
  return endsWithNewline ? out : out.replace(/\n$/, "");
}
