import { isMap, isScalar } from "yaml";
import type { PlatformProfile } from "../../profile/profile";
import type { EditContext, EditOperation, EditResult, NamespaceFolder } from "../edit-operation";
import { finishYamlEdit, valuesOf } from "../yaml/finish-yaml-edit";
import { addChildMap, findPair, setMapEntry } from "../yaml/set-map-entry";
import { columnOf, YamlEditError, type Splice } from "../yaml/yaml-source";
import { findNamespaceDocument } from "./find-namespace-document";
import { metadataAnswersSchema, type MetadataAnswers } from "./metadata-answers";
import { ANNOTATION_ORDER, LABEL_ORDER, metadataTargets, type MetadataTarget } from "./metadata-targets";

/**
 * Changes a namespace's metadata: the labels and annotations of its
 * Namespace document, in place (every other byte of the file as it was). A
 * missing label or annotation is added where Berth would write it, in the
 * file's indentation; changing is-production or the environment is allowed
 * and said in `notes`, for the reviewer.
 */
export function editMetadata(folder: NamespaceFolder, answers: MetadataAnswers, profile: PlatformProfile, context?: EditContext): EditResult {
  const planned = metadataTargets(answers, folder.record, context);
  if (!planned.ok) return planned;
  if (planned.targets.length === 0) return { ok: true, files: [], notes: [] };
  const at = findNamespaceDocument(folder);
  if (typeof at === "string") return { ok: false, errors: Object.fromEntries(planned.targets.map((t) => [t.field, at])) };

  const { source, metadata, index, file } = at;
  const expected = valuesOf(source);
  const meta = (expected[index] as { metadata: Record<string, Record<string, unknown> | null> }).metadata;
  const splices: Splice[] = [];
  const errors: Record<string, string> = {};
  const notes: string[] = [];
  const firstKey = metadata.items[0]?.key as { range?: number[] } | undefined;
  const step = Math.max(columnOf(source.text, firstKey?.range?.[0] ?? 0), 2);

  for (const mapName of ["labels", "annotations"] as const) {
    const targets = planned.targets.filter((t) => t.map === mapName);
    if (targets.length === 0) continue;
    const order = (mapName === "labels" ? LABEL_ORDER : ANNOTATION_ORDER).map((n) => `${profile.labelPrefix}/${n}`);
    const key = (t: MetadataTarget) => `${profile.labelPrefix}/${t.name}`;
    const node = metadata.get(mapName, true);
    const current = (t: MetadataTarget) => (isMap(node) ? findPair(node, key(t)) : undefined);
    for (const t of targets) {
      const before = current(t);
      const was = before && isScalar(before.value) ? before.value.value : undefined;
      if (t.field === "isProduction" && String(was) !== t.value)
        notes.push(`Flagged for review: this changes whether ${folder.record.name} is production (is-production: ${String(was ?? "absent")} -> ${t.value}).`);
      if (t.field === "environment" && was !== t.value)
        notes.push(`Flagged for review: this changes ${folder.record.name}'s environment (environment-name: ${String(was ?? "absent")} -> ${t.value}).`);
    }
    try {
      if (isMap(node)) {
        for (const t of targets) {
          const splice = setMapEntry(source, node, key(t), t.value, order);
          if (splice) splices.push(splice);
        }
      } else {
        const entries = targets.map((t) => [key(t), t.value] as const);
        splices.push(addChildMap(source, metadata, mapName, entries, ["name", "namespace", "labels", "annotations"], step));
      }
      meta[mapName] = { ...(meta[mapName] ?? {}), ...Object.fromEntries(targets.map((t) => [key(t), t.value])) };
    } catch (error) {
      if (!(error instanceof YamlEditError)) throw error;
      for (const t of targets) errors[t.field] = `cannot change ${file} in place: ${error.message}`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  let content: string;
  try {
    content = finishYamlEdit(source, splices, expected);
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    return { ok: false, errors: Object.fromEntries(planned.targets.map((t) => [t.field, `cannot change ${file} in place: ${error.message}`])) };
  }
  if (content === source.text) return { ok: true, files: [], notes: [] };
  return { ok: true, files: [{ path: `${folder.record.path}/${file}`, content }], notes };
}

export const metadataOperation: EditOperation<MetadataAnswers> = {
  name: "metadata",
  answersSchema: metadataAnswersSchema,
  apply: editMetadata,
};
