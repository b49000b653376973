import type { PlatformProfile } from "./profile";

/** A mandatory default tag: its key and its value, a variable (`var.<variable>`) or fixed text. */
export type DefaultTag = { key: string; variable: string; value?: undefined } | { key: string; value: string; variable?: undefined };

/**
 * The default tags of every aws provider a namespace's resources/main.tf
 * declares: the profile's list, or the Cloud Platform template's since
 * 2025-11 (business-unit, application, is-production, owner = the team,
 * namespace, service-area, source-code = the environments repository,
 * slack-channel). New namespaces are rendered with them; the default-tags
 * edit adds those an existing namespace lacks.
 */
export function mandatoryDefaultTags(profile: Pick<PlatformProfile, "namespaceTemplate">): DefaultTag[] {
  const t = profile.namespaceTemplate.terraform;
  if (t.defaultTags)
    return t.defaultTags.map((tag) => (tag.variable !== undefined ? { key: tag.key, variable: tag.variable } : { key: tag.key, value: tag.value! }));
  return [
    { key: "business-unit", variable: "business_unit" },
    { key: "application", variable: "application" },
    { key: "is-production", variable: "is_production" },
    { key: "owner", variable: "team_name" },
    { key: "namespace", variable: "namespace" },
    { key: "service-area", variable: "service_area" },
    { key: "source-code", value: t.sourceCodeTag },
    { key: "slack-channel", variable: "slack_channel" },
  ];
}
