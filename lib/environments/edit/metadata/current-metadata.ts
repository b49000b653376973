import type { NamespaceRecord } from "../../types";

/**
 * A namespace's metadata today, named as a metadata edit's answers, to fill
 * its form: values as written (loose ones included), null where absent;
 * ownerName and ownerEmail only when the owner reads "<name>: <email>".
 */
export function currentMetadata(record: NamespaceRecord) {
  const at = record.owner?.lastIndexOf(": ") ?? -1;
  return {
    application: record.application,
    owner: record.owner,
    ownerName: at > 0 ? record.owner!.slice(0, at) : null,
    ownerEmail: at > 0 ? record.owner!.slice(at + 2) : null,
    slackChannel: record.slackChannel,
    sourceCode: record.sourceCode,
    team: record.teamName,
    reviewAfter: record.reviewAfter,
    isProduction: record.isProduction,
    environment: record.environment,
  };
}
