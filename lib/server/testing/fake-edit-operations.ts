import { z } from "zod";
import type { EditOperation, EditOperationName } from "@/lib/environments/edit/edit-operation";

/**
 * Test fakes of the edit contract (lib/environments/edit/edit-operation.ts), for the request use-cases'
 * tests: "metadata" rewrites the slack-channel annotation line, "remove" deletes resources/<name>.tf or,
 * when the block has deletion protection on, first turns it off and asks for itself as the follow-up,
 * "decommission" deletes every file of the folder.
 */
const metadata: EditOperation<{ slackChannel: string }> = {
  name: "metadata",
  answersSchema: z.object({ slackChannel: z.string().regex(/^[a-z0-9-]+$/, "Use lower-case letters, digits and dashes") }),
  apply(folder, answers) {
    const text = folder.files.get("00-namespace.yaml");
    const line = /(slack-channel: )"[^"\n]*"/;
    if (!text || !line.test(text)) return { ok: false, errors: { slackChannel: "The namespace has no slack-channel annotation to change" } };
    const next = text.replace(line, `$1"${answers.slackChannel}"`);
    return { ok: true, files: next === text ? [] : [{ path: `${folder.record.path}/00-namespace.yaml`, content: next }], notes: [] };
  },
};

const remove: EditOperation<{ names: string[] }> = {
  name: "remove",
  answersSchema: z.object({ names: z.array(z.string().min(1)).min(1, "Choose at least one block") }),
  apply(folder, answers) {
    const files: { path: string; content: string | null }[] = [];
    let followUp: { operation: "remove"; answers: unknown; reason: string } | undefined;
    for (const [i, name] of answers.names.entries()) {
      const rel = `resources/${name}.tf`;
      const text = folder.files.get(rel);
      if (text === undefined) return { ok: false, errors: { [`names.${i}`]: `No module block ${name}` } };
      if (/deletion_protection\s*=\s*true/.test(text)) {
        files.push({ path: `${folder.record.path}/${rel}`, content: text.replace(/deletion_protection\s*=\s*true/, "deletion_protection = false") });
        followUp = { operation: "remove" as const, answers, reason: `remove ${name} once its deletion protection is off` };
      } else files.push({ path: `${folder.record.path}/${rel}`, content: null });
    }
    return { ok: true, files, notes: [], followUp };
  },
};

const decommission: EditOperation<{ confirm: string }> = {
  name: "decommission",
  answersSchema: z.object({ confirm: z.string() }),
  apply(folder, answers) {
    if (answers.confirm !== folder.record.name) return { ok: false, errors: { confirm: `Type ${folder.record.name} to confirm` } };
    return { ok: true, files: [...folder.files.keys()].map((rel) => ({ path: `${folder.record.path}/${rel}`, content: null })), notes: [] };
  },
};

export const fakeEditOperations = { metadata, remove, decommission } as unknown as Partial<Record<EditOperationName, EditOperation<unknown>>>;
