import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile } from "../../profile/profile";
import { loadAllYaml } from "../../testing/load-all-yaml";
import { messyFolderFiles, messyYaml } from "../../testing/messy-yaml";
import { namespaceFolderFromFiles } from "../namespace-folder-from-files";
import { parseEditAnswers } from "../parse-edit-answers";
import { editMetadata, metadataOperation } from "./edit-metadata";
import type { MetadataAnswers } from "./metadata-answers";

const P = "cloud-platform.justice.gov.uk";
const LIVE = "live.cloud-platform.service.justice.gov.uk";
const now = new Date("2026-12-05T10:00:00Z");
const folder = (files: Record<string, string>, name = "orders-prod") => namespaceFolderFromFiles({ files, clusterDomain: LIVE, name, profile });
const parse = (answers: unknown) => metadataOperation.answersSchema.parse(answers);
const edit = (files: Record<string, string>, answers: unknown) => editMetadata(folder(files), parse(answers) as MetadataAnswers, profile, { now });
const path = `namespaces/${LIVE}/orders-prod/00-namespace.yaml`;

describe("metadata edit", () => {
  const ns = messyYaml["00-namespace.yaml"]!;

  it("changes only the values asked for, byte for byte otherwise", () => {
    const result = edit(messyFolderFiles(), { slackChannel: "#orders-dev", sourceCode: "https://github.com/ministryofjustice/orders-v2" });
    expect(result).toEqual({
      ok: true,
      files: [
        {
          path,
          content: ns
            .replace("https://mojdt.slack.com/archives/C01ABCDEF", "orders-dev")
            .replace(/source-code: .*/, "source-code: https://github.com/ministryofjustice/orders-v2"),
        },
      ],
      notes: [],
    });
  });

  it("adds a missing annotation where Berth writes it, in the file's own line endings; renewMonths counts from now", () => {
    const crlf = messyFolderFiles("-crlf");
    const result = edit(crlf, { renewMonths: 3 });
    const text = crlf["00-namespace.yaml"]!;
    const teamLine = `    ${P}/team-name: orders-team\r\n`;
    expect(result).toMatchObject({ ok: true, files: [{ path, content: text.replace(teamLine, `${teamLine}    ${P}/review-after: "2027-03-05"\r\n`) }] });
  });

  it("keeps a file without a final newline without one", () => {
    const files = messyFolderFiles("-no-eol");
    const result = edit(files, { ownerEmail: "orders-team@justice.gov.uk", reviewAfter: "2027-06-30" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const content = result.files[0]!.content!;
    expect(content.endsWith("slack-alert-channel: orders-alerts")).toBe(true);
    expect(content).toContain(`owner: "Orders team: orders-team@justice.gov.uk"\n`);
    expect(content).toContain(`team-name: orders-team\n    ${P}/review-after: "2027-06-30"\n`);
  });

  it("accepts the looser forms the repository uses for the field edited: several source URLs, a Slack link", () => {
    const urls = "https://github.com/ministryofjustice/a, https://github.com/ministryofjustice/b";
    const result = edit(messyFolderFiles(), { sourceCode: urls, slackChannel: "https://mojdt.slack.com/archives/C999" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const annotations = (loadAllYaml(result.files[0]!.content!)[0] as { metadata: { annotations: Record<string, string> } }).metadata.annotations;
    expect(annotations[`${P}/source-code`]).toBe(urls);
    expect(annotations[`${P}/slack-channel`]).toBe("https://mojdt.slack.com/archives/C999");
  });

  it("validates only the fields it changes, with the new-request rules", () => {
    const bad = parseEditAnswers(metadataOperation, {
      slackChannel: "Team Dev",
      sourceCode: "ftp://x",
      team: "Orders Team",
      color: "red",
      reviewAfter: "2027-02-30",
    });
    if (bad.ok) throw new Error("accepted");
    expect(Object.keys(bad.errors).sort()).toEqual(["color", "reviewAfter", "slackChannel", "sourceCode", "team"]);
    expect(bad.errors.color).toBe("not a field of a metadata edit");
    expect(bad.errors.team).toMatch(/GitHub team slug/);
    expect(parseEditAnswers(metadataOperation, { reviewAfter: "", renewMonths: 3 })).toEqual({
      ok: false,
      errors: { renewMonths: "give reviewAfter or renewMonths, not both" },
    });
    expect(parseEditAnswers(metadataOperation, { owner: "no email here" })).toMatchObject({
      ok: false,
      errors: { owner: expect.stringMatching(/<team display name>: <team email>/) },
    });
    expect(parseEditAnswers(metadataOperation, { slackChannel: "#team-dev", isProduction: false })).toEqual({
      ok: true,
      answers: { slackChannel: "team-dev", isProduction: false },
    });
    // The current values (a Slack link, a folded application) are not judged when other fields change.
    expect(edit(messyFolderFiles(), { team: "orders-admins" }).ok).toBe(true);
  });

  it("flags is-production and environment changes for review", () => {
    const result = edit(messyFolderFiles(), { isProduction: false, environment: "staging" });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.files[0]!.content).toBe(ns.replace('is-production: "true"', 'is-production: "false"').replace("'production'", "'staging'"));
    expect(result.notes).toEqual([
      "Flagged for review: this changes whether orders-prod is production (is-production: true -> false).",
      "Flagged for review: this changes orders-prod's environment (environment-name: production -> staging).",
    ]);
  });

  it("changes nothing (no files) when the values are already there", () => {
    expect(edit(messyFolderFiles(), { team: "orders-team", isProduction: true, environment: "production" })).toEqual({ ok: true, files: [], notes: [] });
    expect(edit(messyFolderFiles(), {})).toEqual({ ok: true, files: [], notes: [] });
  });

  it("creates the annotations mapping of a namespace without one, at the file's indentation", () => {
    const legacy = messyYaml["00-legacy-namespace.yaml"]!;
    const result = edit({ "00-namespace.yaml": legacy }, { application: "Legacy: app", slackChannel: "legacy" });
    expect(result).toMatchObject({
      ok: true,
      files: [{ content: `${legacy}    annotations:\n        ${P}/slack-channel: "legacy"\n        ${P}/application: "Legacy: app"\n` }],
    });
    const bare = messyYaml["00-bare-namespace.yaml"]!;
    const filled = edit({ "00-namespace.yaml": bare }, { team: "bare" });
    expect(filled).toMatchObject({ ok: true, files: [{ content: `${bare}    ${P}/team-name: "bare"\n` }] });
    // Its labels are written { ... }: a label cannot be added there in place.
    expect(edit({ "00-namespace.yaml": bare }, { isProduction: false })).toEqual({ ok: true, files: [], notes: [] });
  });

  it("refuses, naming the field, what it cannot change in place", () => {
    const bare = messyYaml["00-bare-namespace.yaml"]!.replace(`, ${P}/environment-name: development`, "");
    expect(edit({ "00-namespace.yaml": bare }, { environment: "test" })).toEqual({
      ok: false,
      errors: { environment: expect.stringMatching(/cannot change 00-namespace.yaml in place: .*flow style/) },
    });
    expect(edit({ "01-rbac.yaml": messyYaml["01-rbac.yaml"]! }, { team: "x" })).toEqual({
      ok: false,
      errors: { team: expect.stringMatching(/no Namespace document/) },
    });
    expect(editMetadata(folder(messyFolderFiles()), parse({ renewMonths: 2 }) as MetadataAnswers, profile)).toEqual({
      ok: false,
      errors: { renewMonths: expect.stringMatching(/today's date/) },
    });
  });
});
