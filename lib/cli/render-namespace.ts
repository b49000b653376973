import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runChecks } from "../environments/checks/run-checks";
import { validateNamespaceRequest } from "../environments/requests/namespace-request";
import { namespacesDir } from "../environments/profile/namespaces-dir";
import { renderNamespaceFiles } from "../environments/render/render-namespace-files";
import { UsageError, type CliIo } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";
import { printFieldErrors, readAnswers } from "./read-answers";

export const renderNamespaceUsage = `berth render namespace --answers <answers.json> --out <dir> [--profile <file>]

  Writes the files a pull request for a new namespace would add, under
  <dir>/<namespaces>/<cluster domain>/<name>/. <dir> may be a checkout of the
  environments repository: a name already used there, in any cluster, is
  refused. Invalid answers are printed one per line as "<field>: <message>"
  on stderr, exit 1, and nothing is written.

  --answers <file>   the request as JSON: name, cluster, environment,
                     isProduction, application, team, businessUnit,
                     slackChannel, serviceArea, ownerName, ownerEmail,
                     sourceCode, reviewAfter ("" or YYYY-MM-DD)
  --out <dir>        where to write (created if missing)
  --profile <file>   a platform profile (JSON); default: Cloud Platform
`;

/** `berth render namespace`: a request's answers file -> the namespace folder's files. */
export async function renderNamespace(args: string[], io: CliIo): Promise<number> {
  const values = parseOptions(args, {
    answers: { type: "string" },
    out: { type: "string" },
    profile: { type: "string" },
  });
  if (!values.answers) throw new UsageError("--answers <file> is required");
  if (!values.out) throw new UsageError("--out <dir> is required");
  const profile = profileOption(values.profile);
  const fail = (fields: Record<string, string>) => printFieldErrors(io, fields);
  const read = readAnswers(values.answers!);
  if (!read.ok) return fail(read.fields);
  const answers = read.answers;
  const checked = validateNamespaceRequest(answers, profile);
  if (!checked.ok) return fail(checked.fields);
  const request = checked.value;

  const root = path.join(values.out, namespacesDir(profile));
  const takenIn = existsSync(root) ? readdirSync(root).filter((domain) => existsSync(path.join(root, domain, request.name))) : [];
  if (takenIn.length > 0) return fail({ name: `${request.name} already exists in ${takenIn.join(", ")}; names are unique across all clusters` });

  const files = renderNamespaceFiles(request, profile);
  const change = { files: files.map((f) => ({ ...f, previous: null })), readBase: () => null, author: null };
  const broken = runChecks(change, profile).filter((r) => r.status === "fail");
  if (broken.length > 0) return fail(Object.fromEntries(broken.map((r) => [`check ${r.id}`, r.message])));

  for (const file of files) {
    const target = path.join(values.out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    // Note: "wx" never overwrites; the folder was checked above, this guards a race.
    writeFileSync(target, file.content, { flag: "wx" });
  }
  io.stdout(files.map((f) => `${f.path}\n`).join(""));
  return 0;
}
