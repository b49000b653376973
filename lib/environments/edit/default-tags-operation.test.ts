import { describe, expect, it } from "vitest";
import { cloudPlatformProfile as profile, type PlatformProfile } from "../profile/profile";
import { renderNamespaceTerraform } from "../render/render-namespace-terraform";
import { namespaceRequestFixture } from "../testing/namespace-request-fixture";
import { addDefaultTags, defaultTagsOperation } from "./default-tags-operation";
import { changedLines } from "./fixtures/changed-lines";
import { MESSY_PATH, messyFolder } from "./fixtures/messy-folder";
import { parseEditAnswers } from "./parse-edit-answers";

const base = messyFolder();
const MAIN = "resources/main.tf";

async function edited(overrides: Record<string, string | null>, answers = {}, p: PlatformProfile = profile) {
  const result = await addDefaultTags(messyFolder(overrides), answers, p);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { ...result, text: (file: string) => result.files.find((f) => f.path === `${MESSY_PATH}/${file}`)?.content ?? null };
}

const ALL_TAGS = [
  "      business-unit = var.business_unit",
  "      application   = var.application",
  "      is-production = var.is_production",
  "      owner         = var.team_name",
  "      namespace     = var.namespace",
  "      service-area  = var.service_area",
  '      source-code   = "github.com/ministryofjustice/cloud-platform-environments"',
  "      slack-channel = var.slack_channel",
];

describe("addDefaultTags", () => {
  it("adds the missing tags after the last one, and a whole default_tags block to the london and ireland providers that have none", async () => {
    const result = await edited({});
    const before = base.files.get(MAIN)!;
    const after = result.text(MAIN)!;
    // The default provider: three tags after `namespace` (its comment kept), aligned as the others.
    expect(changedLines(before.slice(0, before.indexOf('alias  = "london"')), after.slice(0, after.indexOf('alias  = "london"')))).toBe(
      [
        "@@ 16",
        "+       service-area  = var.service_area",
        '+       source-code   = "github.com/ministryofjustice/cloud-platform-environments"',
        "+       slack-channel = var.slack_channel",
      ].join("\n"),
    );
    expect(after).toContain("      namespace     = var.namespace # for billing\n      service-area  = var.service_area\n");
    // london and ireland: the template's block, as render writes it for a new namespace.
    const block = ["", "  default_tags {", "    tags = {", ...ALL_TAGS, "    }", "  }", "}"].join("\n");
    expect(after).toContain(`  alias  = "london"\n  region = "eu-west-2"\n${block}\n`);
    expect(after).toContain(`  alias  = "ireland"\n  region = "eu-west-1"\n${block}\n`);
    expect(after.slice(after.indexOf('provider "kubernetes"'))).toBe(before.slice(before.indexOf('provider "kubernetes"')));
    expect(result.notes).toEqual([
      "provider aws (default): added service-area, source-code, slack-channel",
      'provider aws "london": added business-unit, application, is-production, owner, namespace, service-area, source-code, slack-channel',
      'provider aws "ireland": added business-unit, application, is-production, owner, namespace, service-area, source-code, slack-channel',
      'declared service_area = "HMPPS" (the namespace\'s business unit): change it if the service area differs',
      "declared slack_channel in resources/variables.tf",
    ]);
  });

  it("matches a new namespace's main.tf exactly once every tag is added to the template's providers", async () => {
    const rendered = renderNamespaceTerraform(namespaceRequestFixture(), profile)[MAIN]!;
    const stripped = rendered.replace(/\n {6}(service-area|slack-channel) .*/g, "");
    expect(stripped).not.toBe(rendered);
    const result = await edited({ [MAIN]: stripped });
    expect(result.text(MAIN)).toBe(rendered);
  });

  it("appends the variables the added tags read to variables.tf, in its style, with the answers' service area", async () => {
    const result = await edited({}, { serviceArea: 'Prisons "Digital"' });
    const before = base.files.get("resources/variables.tf")!;
    expect(changedLines(before, result.text("resources/variables.tf")!)).toBe(
      [
        `@@ ${before.split("\n").length + 1}`,
        '+ variable "service_area" {',
        '+   description = "Area of the organisation the service belongs to"',
        "+   type        = string",
        '+   default     = "Prisons \\"Digital\\""',
        "+ }",
        "+ ",
        '+ variable "slack_channel" {',
        '+   description = "Slack channel name for your team, if we need to contact you about this service"',
        "+   type        = string",
        '+   default     = "https://mojdt.slack.com/archives/C01ABCDEF"',
        "+ }",
        "+ ",
      ].join("\n"),
    );
    expect(result.notes).toContain("declared service_area in resources/variables.tf");
  });

  it("keeps CRLF and a missing final newline, and adds only the tags asked for", async () => {
    const crlf = base.files.get(MAIN)!.replaceAll("\n", "\r\n").replace(/\r\n$/, "");
    const result = await edited(
      { [MAIN]: crlf, "resources/variables.tf": base.files.get("resources/variables.tf") + 'variable "service_area" {\n  default = "Prisons"\n}\n' },
      { tags: ["service-area"] },
    );
    const after = result.text(MAIN)!;
    expect(after.endsWith("}")).toBe(true);
    expect(after.replaceAll("\r\n", "")).not.toContain("\n");
    expect(after).toContain("      namespace     = var.namespace # for billing\r\n      service-area  = var.service_area\r\n    }");
    expect(after).toContain('  region = "eu-west-1"\r\n\r\n  default_tags {\r\n    tags = {\r\n      service-area = var.service_area\r\n    }\r\n  }\r\n}');
    // service_area is declared already: variables.tf is not touched.
    expect(result.files.map((f) => f.path)).toEqual([`${MESSY_PATH}/${MAIN}`]);
  });

  it("changes nothing, with a note, when every provider has the tags, or there is no main.tf", async () => {
    const rendered = renderNamespaceTerraform(namespaceRequestFixture(), profile)[MAIN]!;
    expect(await addDefaultTags(messyFolder({ [MAIN]: rendered }), {}, profile)).toEqual({
      ok: true,
      files: [],
      notes: [
        `every aws provider in ${MAIN} already has business-unit, application, is-production, owner, namespace, service-area, source-code, slack-channel`,
      ],
    });
    expect(await addDefaultTags(messyFolder({ [MAIN]: null }), {}, profile)).toEqual({ ok: true, files: [], notes: [`no ${MAIN}: no provider to tag`] });
  });

  it("tells from the index's record alone only that every provider has every tag", async () => {
    const rendered = renderNamespaceTerraform(namespaceRequestFixture(), profile)[MAIN]!;
    const done = messyFolder({ [MAIN]: rendered });
    const applied = await addDefaultTags(done, {}, profile);
    expect(defaultTagsOperation.unchangedFor!(done.record, {}, profile)).toBe(applied.ok ? applied.notes[0] : "refused");
    expect(defaultTagsOperation.unchangedFor!(base.record, {}, profile)).toBeNull();
    expect(defaultTagsOperation.unchangedFor!(base.record, { tags: ["owner"] }, profile)).toBeNull();
    expect(defaultTagsOperation.unchangedFor!({ ...base.record, awsProviders: undefined }, {}, profile)).toBeNull();
  });

  it("takes the tag list from the profile", async () => {
    const custom: PlatformProfile = {
      ...profile,
      namespaceTemplate: {
        ...profile.namespaceTemplate,
        terraform: {
          ...profile.namespaceTemplate.terraform,
          defaultTags: [
            { key: "namespace", variable: "namespace" },
            { key: "cost-centre", value: "CC-1" },
          ],
        },
      },
    };
    const result = await edited({}, {}, custom);
    expect(result.notes[0]).toBe("provider aws (default): added cost-centre");
    expect(result.text(MAIN)).toContain('      namespace     = var.namespace # for billing\n      cost-centre   = "CC-1"\n');
    expect(result.text("resources/variables.tf")).toBeNull();
  });

  it("refuses providers it cannot add to, and tags the profile does not list, naming the field", async () => {
    const local = base.files.get(MAIN)!.replace('alias  = "ireland"', 'alias  = "ireland"\n  default_tags {\n    tags = local.default_tags\n  }');
    expect(await addDefaultTags(messyFolder({ [MAIN]: local }), {}, profile)).toEqual({
      ok: false,
      errors: { tags: 'provider aws "ireland": its default tags are local.default_tags, not a list Berth can add to; add them by hand' },
    });
    const oneLine = base.files.get(MAIN)!.replace('provider "aws" {\n  alias  = "london"\n  region = "eu-west-2"\n}', 'provider "aws" { alias = "london" }');
    const refused = await addDefaultTags(messyFolder({ [MAIN]: oneLine }), {}, profile);
    expect(refused).toEqual({ ok: false, errors: { tags: 'provider aws "london": written on one line; add its default_tags by hand' } });
    expect(await addDefaultTags(base, { tags: ["colour"] }, profile)).toMatchObject({
      ok: false,
      errors: { tags: expect.stringMatching(/^colour: not a mandatory tag/) },
    });
    expect(parseEditAnswers(defaultTagsOperation, { serviceArea: "a\nb" })).toEqual({
      ok: false,
      errors: { serviceArea: "the service area must be a single line, without control characters" },
    });
  });
});
