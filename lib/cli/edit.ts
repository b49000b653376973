import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runChecks } from "../environments/checks/run-checks";
import type { EditOperationName } from "../environments/edit/edit-operation";
import { editOperations } from "../environments/edit/operations";
import { parseEditAnswers } from "../environments/edit/parse-edit-answers";
import { readNamespaceFolder } from "../environments/edit/read-namespace-folder";
import { UsageError, type CliCommand } from "./command";
import { namespaceFileOptions } from "./namespace-file-options";
import { printFieldErrors, readAnswers } from "./read-answers";

const OPERATIONS: EditOperationName[] = ["metadata", "access", "resource", "remove", "decommission", "bump-module", "default-tags"];

const usage = `Usage: berth edit <operation> --repo <path> --namespace <cluster>/<name> --answers <answers.json> --out <dir> [--profile <file>]

  Changes files that exist in a namespace folder, in place: only the bytes
  the change needs (comments, order, quoting, line endings stay). Writes each
  changed file whole at its repository path under <dir>; a file the edit
  deletes is not written but listed as "deleted <path>". The repository is
  read at its committed HEAD. Invalid answers, or an edit the repository's
  checks would fail, are printed one per line as "<field>: <message>" on
  stderr, exit 1, and nothing is written. An edit that changes nothing
  writes nothing and says so. Notes (changes flagged for review) go to
  stderr as "note: ...".

  Operations and their answers (JSON):
    metadata      only the fields to change: application, ownerName, ownerEmail
                  (or owner: "<name>: <email>"), slackChannel, sourceCode (one URL or
                  several separated by commas), team (the team-name annotation),
                  reviewAfter ("" or YYYY-MM-DD) or renewMonths (1-24, from today),
                  isProduction, environment (both flagged for review)
    access        { "add": ["team-slug"], "remove": ["other-team"], "role"?: "read-only" }
    resource      { "name": "<module block>", "inputs": { "<input>": <value> } }
    remove        { "names": ["<module block>", ...] }
    decommission  { "confirm": "<namespace name>" }
    bump-module   { "module": "<catalogue module, e.g. rds-instance>", "version": "<a version the
                  catalogue knows>" }: every block of the module; count = 0 blocks and pins at
                  or ahead of the version are left (each named in a note)
    default-tags  { "tags"?: ["service-area", ...], "serviceArea"?: "<text>" }: the profile's
                  mandatory default tags each aws provider of resources/main.tf lacks (default:
                  all of them), and the variables they read (service_area: serviceArea, or
                  the namespace's business unit)

  --repo <path>        a checkout of the environments repository
  --namespace <c>/<n>  the namespace: its cluster (profile name or folder domain) and name
  --answers <file>     the answers, as above
  --out <dir>          where to write (created if missing); may be the checkout itself
  --profile <file>     a platform profile (JSON); default: Cloud Platform
`;

export const editCommand: CliCommand = {
  name: "edit",
  summary: `change files that exist, in place (${OPERATIONS.join(", ")})`,
  usage,
  async run(args, io) {
    const [name, ...rest] = args;
    if (!name || name.startsWith("-")) throw new UsageError(`say what to edit: ${OPERATIONS.join(", ")}`);
    if (!OPERATIONS.includes(name as EditOperationName)) throw new UsageError(`cannot edit "${name}"; operations: ${OPERATIONS.join(", ")}`);
    const operation = editOperations[name as EditOperationName];
    const available = Object.keys(editOperations).join(", ");
    if (!operation) throw new UsageError(`"${name}" edits are not available in this version of Berth; available: ${available}`);
    const { repo, cluster, name: nsName, answers, out, profile } = namespaceFileOptions(rest);
    const fail = (fields: Record<string, string>) => printFieldErrors(io, fields);

    const read = readAnswers(answers);
    if (!read.ok) return fail(read.fields);
    const parsed = parseEditAnswers(operation, read.answers);
    if (!parsed.ok) return fail(parsed.errors);
    const found = await readNamespaceFolder(repo, profile, cluster, nsName);
    if (!found.ok) return fail({ namespace: found.error });
    const { folder } = found;

    const result = await operation.apply(folder, parsed.answers, profile, { now: new Date() });
    if (!result.ok) return fail(result.errors);
    for (const note of result.notes) io.stderr(`note: ${note}\n`);
    if (result.files.length === 0) {
      io.stderr(`berth edit: nothing to change in ${folder.record.path}; no files written\n`);
      return 0;
    }

    const previous = (p: string) => (p.startsWith(`${folder.record.path}/`) ? (folder.files.get(p.slice(folder.record.path.length + 1)) ?? null) : null);
    const change = { files: result.files.map((f) => ({ ...f, previous: previous(f.path) })), readBase: previous, author: null };
    // Note: check-terraform-module-version judges every module of a changed file; as for render, it is the forecast's, not a refusal.
    const broken = runChecks(change, profile).filter((r) => r.status === "fail" && r.id !== profile.policy.checkIds.moduleVersion);
    if (broken.length > 0) return fail(Object.fromEntries(broken.map((r) => [`check ${r.id}`, r.message])));

    for (const file of result.files) {
      if (file.content === null) continue;
      const target = path.join(out, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    io.stdout(result.files.map((f) => (f.content === null ? `deleted ${f.path}\n` : `${f.path}\n`)).join(""));
    return 0;
  },
};
