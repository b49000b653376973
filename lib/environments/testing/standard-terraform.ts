import { declareVariables, variableFor } from "../render/declare-variables";
import type { NamespaceRecord } from "../types";

const STANDARD = [
  "vpc_name",
  "kubernetes_cluster",
  "eks_cluster_name",
  "application",
  "namespace",
  "business_unit",
  "team_name",
  "environment",
  "infrastructure_support",
  "is_production",
  "slack_channel",
];

/**
 * Test fixture: a namespace record whose resources/variables.tf declares
 * every variable Berth's module blocks use (as the ~930 IRSA namespaces of
 * the real repository do), with a readFile that serves it; `omit` leaves
 * some out, as 165 real namespaces do.
 */
export function withStandardTerraform(
  namespace: NamespaceRecord,
  omit: string[] = [],
): { namespace: NamespaceRecord; readFile: (path: string) => string | null } {
  const text = declareVariables(
    null,
    STANDARD.filter((v) => !omit.includes(v)).map((v) => variableFor(v, namespace)!),
  );
  const files = [...new Set([...namespace.files, "resources/variables.tf"])].sort();
  const path = `${namespace.path}/resources/variables.tf`;
  return { namespace: { ...namespace, files }, readFile: (p) => (p === path ? text : null) };
}
