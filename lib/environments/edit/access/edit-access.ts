import type { EditedFile, EditOperation, EditResult, NamespaceFolder } from "../edit-operation";
import { finishYamlEdit, valuesOf } from "../yaml/finish-yaml-edit";
import { removeDocument } from "../yaml/remove-document";
import { appendSeqItem, removeSeqItem } from "../yaml/seq-items";
import { YamlEditError, type Splice } from "../yaml/yaml-source";
import { accessAnswersSchema, type AccessAnswers } from "./access-answers";
import { ADMIN_ROLE, findRoleBindings, type RoleBindingAt } from "./find-role-bindings";
import { subjectLines } from "./subject-lines";

/** The file check-permissions reads the namespace's teams from (ENVIRONMENTS-REPO.md): it must keep an admin team. */
const RBAC_FILE = "01-rbac.yaml";

/**
 * Binds GitHub teams to, or unbinds them from, ClusterRole admin (the
 * owners) or a narrower role the namespace already binds, editing the
 * RoleBindings' subjects in place. A team joins the binding in 01-rbac.yaml
 * (else the first of the role's bindings), written like its last subject; a
 * removed team leaves every binding of the role, and a binding left with no
 * subjects goes (its file too when it held nothing else). The last admin
 * team cannot be removed. Whether an added team exists in the GitHub
 * organisation is the caller's check (`answers.add`).
 */
export function editAccess(folder: NamespaceFolder, answers: AccessAnswers): EditResult {
  const ns = folder.record.name;
  const all = findRoleBindings(folder);
  const asked = answers.role?.replace(/^ClusterRole\/(?=admin$)/, "");
  const admin = asked === undefined || asked === "admin";
  const bindings = all.filter((b) => (admin ? b.role === ADMIN_ROLE : b.role !== ADMIN_ROLE && (b.role === asked || b.role.endsWith(`/${asked}`))));
  const roleName = admin ? "ClusterRole admin" : `role ${asked}`;
  if (answers.add.length + answers.remove.length === 0) return { ok: true, files: [], notes: [] };
  if (bindings.length === 0) {
    const roles = [...new Set(all.map((b) => b.role))];
    const why = `${ns} has no RoleBinding to ${roleName}${roles.length > 0 ? `; its bindings are to ${roles.join(", ")}` : ""}`;
    return { ok: false, errors: admin ? { [answers.add.length > 0 ? "add" : "remove"]: why } : { role: why } };
  }

  const errors: Record<string, string> = {};
  const notes: string[] = [];
  const holds = (b: RoleBindingAt, team: string) => b.teams.some((t) => t.team === team);
  answers.remove.forEach((team, i) => {
    if (!bindings.some((b) => holds(b, team))) errors[`remove.${i}`] = `${team} is not bound to ${roleName} in ${ns}`;
  });
  const adding = [...new Set(answers.add)].filter((team) => {
    const bound = bindings.some((b) => holds(b, team));
    if (bound) notes.push(`${team} is already bound to ${roleName} in ${ns}; nothing to add.`);
    return !bound;
  });
  const primary = bindings.find((b) => b.file === RBAC_FILE) ?? bindings[0]!;
  if (adding.length > 0 && !primary.subjects) errors.add = `the RoleBinding in ${primary.file} has no subjects list to add to; change it by hand`;
  if (admin) {
    const after = new Set(bindings.flatMap((b) => b.teams.map((t) => t.team)).filter((t) => !answers.remove.includes(t)));
    adding.forEach((t) => after.add(t));
    if (after.size === 0) errors.remove ??= `${answers.remove.join(", ")} cannot be removed: ${ns} must keep at least one team bound to admin (its owners)`;
    const rbac = bindings.filter((b) => b.file === RBAC_FILE);
    const rbacLeft = rbac.flatMap((b) => b.teams.map((t) => t.team)).filter((t) => !answers.remove.includes(t));
    if (rbac.length > 0 && rbacLeft.length === 0 && !(primary.file === RBAC_FILE && adding.length > 0))
      errors.remove ??= `${RBAC_FILE} must keep a team bound to admin: the platform's check-permissions reads the namespace's teams from it`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  try {
    return { ok: true, files: writeChanges(folder, bindings, primary, adding, answers.remove), notes };
  } catch (error) {
    if (!(error instanceof YamlEditError)) throw error;
    return { ok: false, errors: { [adding.length > 0 ? "add" : "remove"]: `cannot change the RoleBindings in place: ${error.message}` } };
  }
}

function writeChanges(folder: NamespaceFolder, bindings: RoleBindingAt[], primary: RoleBindingAt, adding: string[], removing: string[]): EditedFile[] {
  const files: EditedFile[] = [];
  for (const file of [...new Set(bindings.map((b) => b.file))]) {
    const mine = bindings.filter((b) => b.file === file);
    const source = mine[0]!.source;
    const expected = valuesOf(source);
    const splices: Splice[] = [];
    const gone: number[] = [];
    for (const b of mine) {
      const subjects = (expected[b.docIndex] as { subjects: unknown[] }).subjects;
      const drop = b.teams.filter((t) => removing.includes(t.team)).map((t) => t.index);
      const add = b === primary ? adding : [];
      if (drop.length > 0 && drop.length === b.subjects!.items.length && add.length === 0) {
        gone.push(b.docIndex);
        continue;
      }
      for (const index of drop) splices.push(removeSeqItem(source, b.subjects!, index));
      for (const index of [...drop].sort((x, y) => y - x)) subjects.splice(index, 1);
      for (const team of add) {
        const { lines, value } = subjectLines(b.subjects!, team);
        splices.push(appendSeqItem(source, b.subjects!, lines));
        subjects.push(value);
      }
    }
    const path = `${folder.record.path}/${file}`;
    const others = source.docs.filter((d, i) => !gone.includes(i) && d.value !== null && d.value !== undefined);
    if (gone.length > 0 && others.length === 0) {
      files.push({ path, content: null });
      continue;
    }
    for (const index of gone.sort((x, y) => y - x)) {
      splices.push(removeDocument(source, index));
      expected.splice(index, 1);
    }
    const content = finishYamlEdit(source, splices, expected);
    if (content !== source.text) files.push({ path, content });
  }
  return files;
}

export const accessOperation: EditOperation<AccessAnswers> = {
  name: "access",
  answersSchema: accessAnswersSchema,
  apply: editAccess,
};
