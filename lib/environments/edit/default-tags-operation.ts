import { z } from "zod";
import { mandatoryDefaultTags, type DefaultTag } from "../profile/mandatory-default-tags";
import type { PlatformProfile } from "../profile/profile";
import { declareVariables, variableFor, type VariableDeclaration } from "../render/declare-variables";
import { defaultTagValue, formatHclKey } from "../render/default-tag-value";
import { readHclBlocks } from "../render/read-hcl-blocks";
import type { EditedFile, EditOperation, EditResult, NamespaceFolder } from "./edit-operation";
import { findAttribute, parseHcl, type HclAttribute, type HclBlock } from "./hcl/hcl-tree";
import { indentAt, lineEnd, lineStart, newlineOf, restIsComment, splice } from "./hcl/hcl-text";
import { loadHclParser } from "./hcl/load-hcl-parser";
import { setHclObjectEntries } from "./hcl/set-hcl-object-entries";

/**
 * `berth edit default-tags` answers: which of the profile's mandatory tags to
 * add (default: all of them), and the service area to declare when the
 * namespace has no `service_area` variable (default: its business unit).
 */
export const defaultTagsAnswersSchema = z.strictObject({
  tags: z
    .array(z.string().min(1, "a tag key"), { error: "tags is a list of tag keys" })
    .min(1, "choose at least one tag, or leave tags out for all of them")
    .optional(),
  serviceArea: z
    .string({ error: "the service area is text" })
    .trim()
    .min(1, "enter the service area, or leave it out")
    .max(200, "the service area is too long: at most 200 characters")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "the service area must be a single line, without control characters")
    .optional(),
});
export type DefaultTagsAnswers = z.infer<typeof defaultTagsAnswersSchema>;

const MAIN = "resources/main.tf";
const VARIABLES = "resources/variables.tf";

/**
 * Adds the mandatory default tags (mandatoryDefaultTags) each aws provider of
 * resources/main.tf lacks: into its `default_tags { tags = { ... } }` after
 * the last tag, aligned as the others are, or as a whole default_tags block
 * written as the template writes it when the provider has none. A tag already
 * there keeps its value. Variables the added tags read and the namespace does
 * not declare are appended to variables.tf in the file's own style.
 */
export async function addDefaultTags(folder: NamespaceFolder, answers: DefaultTagsAnswers, profile: PlatformProfile): Promise<EditResult> {
  const all = mandatoryDefaultTags(profile);
  const unknown = (answers.tags ?? []).filter((key) => !all.some((t) => t.key === key));
  if (unknown.length > 0)
    return { ok: false, errors: { tags: `${unknown.join(", ")}: not a mandatory tag; the profile's are ${all.map((t) => t.key).join(", ")}` } };
  const wanted = answers.tags ? all.filter((t) => answers.tags!.includes(t.key)) : all;

  const before = folder.files.get(MAIN);
  if (before === undefined) return { ok: true, files: [], notes: [`no ${MAIN}: no provider to tag`] };
  const parser = await loadHclParser();
  const file = parseHcl(parser, before, { references: false });
  if (file.hasErrors) return { ok: false, errors: { tags: `${MAIN} has text Berth cannot parse as Terraform; fix it by hand first` } };
  const providers = file.blocks.filter((b) => b.type === "provider" && b.labels[0] === "aws");
  if (providers.length === 0) return { ok: true, files: [], notes: [`${MAIN} has no aws provider`] };

  const notes: string[] = [];
  const problems: string[] = [];
  const added = new Set<DefaultTag>();
  let blocks = 0;
  let text = before;
  // From the last provider to the first, so each splice leaves the earlier blocks' ranges valid.
  for (const provider of [...providers].reverse()) {
    const name = providerName(provider);
    const step = tagProvider(text, provider, wanted, all);
    if (typeof step === "string") problems.push(`${name}: ${step}`);
    else if (step.added.length > 0) {
      text = step.text;
      blocks++;
      step.added.forEach((t) => added.add(t));
      notes.unshift(`${name}: added ${step.added.map((t) => t.key).join(", ")}`);
    }
  }
  if (problems.length > 0) return { ok: false, errors: { tags: problems.reverse().join("; ") } };
  if (text === before) return { ok: true, files: [], notes: [`every aws provider in ${MAIN} already has ${wanted.map((t) => t.key).join(", ")}`] };

  const files: EditedFile[] = [{ path: `${folder.record.path}/${MAIN}`, content: text }];
  const declared = declaredVariables(folder);
  const declarations: VariableDeclaration[] = [];
  for (const tag of all.filter((t) => added.has(t))) {
    if (tag.variable === undefined || declared.has(tag.variable) || declarations.some((d) => d.name === tag.variable)) continue;
    const declaration = declarationFor(tag.variable, folder, answers);
    if (!declaration) {
      problems.push(`var.${tag.variable} (tag ${tag.key}) is not declared and the namespace does not say its value; declare it in variables.tf first`);
      continue;
    }
    declarations.push(declaration);
    notes.push(
      tag.variable === "service_area" && answers.serviceArea === undefined
        ? `declared service_area = "${declaration.value}" (the namespace's business unit): change it if the service area differs`
        : `declared ${tag.variable} in ${VARIABLES}`,
    );
  }
  if (problems.length > 0) return { ok: false, errors: { tags: problems.join("; ") } };
  if (declarations.length > 0)
    files.push({ path: `${folder.record.path}/${VARIABLES}`, content: declareVariables(folder.files.get(VARIABLES) ?? null, declarations) });
  return { ok: true, files, notes, blocks };
}

/** The provider with the tags it lacks added, or why Berth cannot add them. */
function tagProvider(text: string, provider: HclBlock, wanted: DefaultTag[], order: DefaultTag[]): { text: string; added: DefaultTag[] } | string {
  const defaultTags = provider.blocks.find((b) => b.type === "default_tags");
  if (!defaultTags) {
    if (lineStart(text, provider.close) === lineStart(text, provider.open) || text.slice(lineStart(text, provider.close), provider.close).trim() !== "") {
      return "written on one line; add its default_tags by hand";
    }
    const newline = newlineOf(text);
    const first = provider.attributes[0] ?? provider.blocks[0];
    const indent = first ? indentAt(text, first.start) : `${indentAt(text, provider.start)}  `;
    const width = Math.max(...wanted.map((t) => formatHclKey(t.key).length));
    const lines = [
      ...(first ? [""] : []),
      `${indent}default_tags {`,
      `${indent}  tags = {`,
      ...wanted.map((t) => `${indent}    ${formatHclKey(t.key).padEnd(width)} = ${defaultTagValue(t)}`),
      `${indent}  }`,
      `${indent}}`,
    ];
    const at = lineStart(text, provider.close);
    return { text: splice(text, at, at, lines.map((l) => `${l}${newline}`).join("")), added: wanted };
  }
  const tags = findAttribute(defaultTags, "tags");
  if (!tags) return "its default_tags has no tags = { ... }; add them by hand";
  if (tags.value.kind !== "object") return `its default tags are ${tags.valueText.split("\n")[0]}, not a list Berth can add to; add them by hand`;
  const entries = tags.value.entries;
  const missing = wanted.filter((t) => !entries.some((e) => e.key === t.key));
  if (missing.length === 0) return { text, added: [] };
  const inPlace = insertInOrder(text, tags, missing, order);
  if (inPlace !== null) return { text: inPlace, added: missing };
  const desired = new Map([
    ...entries.map((e): [string, string] => [e.key, e.valueText]),
    ...missing.map((t): [string, string] => [t.key, defaultTagValue(t)]),
  ]);
  const out = setHclObjectEntries(text, tags, desired);
  return out === null ? "its default tags share lines with comments; add them by hand" : { text: out, added: missing };
}

/**
 * The missing tags inserted where the template has them: each after the
 * nearest tag before it in the profile's order (before the first tag when
 * none is), in the entries' indentation and `=` column. Null when the
 * object is not written one entry a line (setHclObjectEntries handles that).
 */
function insertInOrder(text: string, tags: HclAttribute, missing: DefaultTag[], order: DefaultTag[]): string | null {
  if (tags.value.kind !== "object" || tags.value.entries.length === 0) return null;
  const entries = tags.value.entries;
  const ownLines = entries.every((e, i) => i === 0 || lineStart(text, e.start) > entries[i - 1]!.end) && entries.every((e) => restIsComment(text, e.end));
  if (!tags.valueText.includes("\n") || !ownLines || lineStart(text, entries[0]!.start) <= tags.valueStart) return null;
  const newline = newlineOf(text);
  const rank = (key: string) => order.findIndex((t) => t.key === key);
  const inserts = new Map<number, string[]>();
  for (const tag of missing) {
    const before = entries.filter((e) => rank(e.key) >= 0 && rank(e.key) < rank(tag.key)).at(-1);
    const like = before ?? entries[0]!;
    const column = text.indexOf("=", like.start) - like.start;
    const key = formatHclKey(tag.key);
    const line = `${indentAt(text, like.start)}${key}${column > key.length + 1 ? " ".repeat(column - key.length) : " "}= ${defaultTagValue(tag)}`;
    const at = before ? lineEnd(text, before.end) : lineStart(text, entries[0]!.start);
    inserts.set(at, [...(inserts.get(at) ?? []), before ? `${newline}${line}` : `${line}${newline}`]);
  }
  let out = text;
  for (const at of [...inserts.keys()].sort((a, b) => b - a)) out = splice(out, at, at, inserts.get(at)!.join(""));
  return out;
}

function providerName(provider: HclBlock): string {
  const alias = findAttribute(provider, "alias")?.value;
  return alias?.kind === "string" ? `provider aws "${alias.value}"` : "provider aws (default)";
}

/** Variables declared in any .tf file directly in resources/. */
function declaredVariables(folder: NamespaceFolder): Set<string> {
  const names = new Set<string>();
  for (const [path, text] of folder.files) {
    if (!path.startsWith("resources/") || path.indexOf("/", 10) >= 0 || !path.endsWith(".tf") || !text.includes("variable")) continue;
    for (const block of readHclBlocks(text)) if (block.type === "variable" && block.labels[0]) names.add(block.labels[0]);
  }
  return names;
}

/** The declaration of a variable an added tag reads: from what the namespace says, service_area from the answers or the business unit. */
function declarationFor(name: string, folder: NamespaceFolder, answers: DefaultTagsAnswers): VariableDeclaration | null {
  if (name === "service_area") {
    const value = answers.serviceArea ?? folder.record.businessUnit;
    return value ? { name, description: "Area of the organisation the service belongs to", value } : null;
  }
  return variableFor(name, folder.record);
}

export const defaultTagsOperation: EditOperation<DefaultTagsAnswers> = {
  name: "default-tags",
  answersSchema: defaultTagsAnswersSchema,
  apply: addDefaultTags,
  unchangedFor(record, answers, profile) {
    const all = mandatoryDefaultTags(profile);
    if (answers.tags?.some((key) => !all.some((t) => t.key === key))) return null;
    const wanted = answers.tags ? all.filter((t) => answers.tags!.includes(t.key)) : all;
    const providers = record.awsProviders;
    // The index read main.tf's providers with its scanner: only "every tag is there" is trusted without the file.
    if (!providers || providers.length === 0 || providers.some((p) => p.tags === null || wanted.some((t) => !p.tags!.includes(t.key)))) return null;
    return `every aws provider in ${MAIN} already has ${wanted.map((t) => t.key).join(", ")}`;
  },
};
