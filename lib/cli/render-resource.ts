import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIndex } from "../environments/repository/build-index";
import { runChecks } from "../environments/checks/run-checks";
import { InvalidResourceRequestError, renderResourceFiles } from "../environments/render/render-resource-files";
import { ModuleRefRewriteError } from "../environments/edit/rewrite-module-ref";
import { readFileAt } from "../environments/repository/run-git";
import { validateResourceRequest } from "../environments/requests/validate-resource-request";
import type { CliIo } from "./command";
import { namespaceFileOptions } from "./namespace-file-options";
import { printFieldErrors, readAnswers } from "./read-answers";
import { loadHclParser } from "../environments/edit/hcl/load-hcl-parser";

export const renderResourceUsage = `berth render resource --repo <path> --namespace <cluster>/<name> --answers <answers.json> --out <dir> [--profile <file>]

  Writes the files a pull request for AWS resources in an existing namespace
  would add or change, under <dir>/<namespaces>/<cluster domain>/<name>/resources/.
  The repository is read at its committed HEAD. Invalid answers are printed
  one per line as "<field>: <message>" on stderr, exit 1, and nothing is
  written.

  --repo <path>        a checkout of the environments repository
  --namespace <c>/<n>  the namespace: its cluster (profile name or folder domain) and name
  --answers <file>     the request as JSON: { "resources": [ { "kind": "rds", "name": ... }, ... ] }
                       kinds: rds, s3, sqs, sns, elasticache, dynamodb, ecr,
                       serviceaccount, irsa, upgrade
  --out <dir>          where to write (created if missing); new files are never overwritten
  --profile <file>     a platform profile (JSON); default: Cloud Platform
`;

/** `berth render resource`: a resource request's answers file -> the files its pull request changes. */
export async function renderResource(args: string[], io: CliIo): Promise<number> {
  const { repo, cluster, name, answers: answersFile, out, profile } = namespaceFileOptions(args);
  const fail = (fields: Record<string, string>) => printFieldErrors(io, fields);
  const read = readAnswers(answersFile);
  if (!read.ok) return fail(read.fields);
  const answers = read.answers;

  const index = await buildIndex({ repoPath: repo, profile });
  const namespace = [...index.namespaces.values()].find((ns) => ns.name === name && (ns.cluster === cluster || ns.clusterDomain === cluster));
  if (!namespace) {
    const elsewhere = [...index.namespaces.values()].filter((ns) => ns.name === name).map((ns) => ns.cluster);
    return fail({
      namespace: `there is no namespace ${name} in cluster ${cluster} at commit ${index.commit.slice(0, 12)}${elsewhere.length > 0 ? `; it is in ${elsewhere.join(", ")}` : ""}`,
    });
  }

  const checked = validateResourceRequest(answers, { namespace, profile });
  if (!checked.ok) return fail(checked.fields);

  const current = new Map<string, string | null>();
  // Every resources/*.tf: upgrades rewrite one, and new blocks need the variables and modules the others declare.
  for (const rel of namespace.files.filter((f) => f.startsWith("resources/") && f.endsWith(".tf"))) {
    const file = `${namespace.path}/${rel}`;
    current.set(file, await readFileAt(index.repoPath, index.commit, file));
  }
  const hcl = await loadHclParser();
  let files;
  try {
    files = renderResourceFiles(checked.value, { namespace, profile, hcl, readFile: (p) => current.get(p) ?? null });
  } catch (error) {
    if (error instanceof ModuleRefRewriteError) return fail({ upgrade: error.message });
    if (error instanceof InvalidResourceRequestError) return fail(error.fields);
    throw error;
  }
  const change = { files: files.map((f) => ({ ...f, previous: current.get(f.path) ?? null })), readBase: (p: string) => current.get(p) ?? null, author: null };
  const broken = runChecks(change, profile).filter((r) => r.status === "fail");
  if (broken.length > 0) return fail(Object.fromEntries(broken.map((r) => [`check ${r.id}`, r.message])));

  const isNew = (p: string) => !current.has(p);
  const taken = files.filter((f) => isNew(f.path) && existsSync(path.join(out, f.path)));
  if (taken.length > 0) return fail(Object.fromEntries(taken.map((f) => ["out", `${path.join(out, f.path)} already exists; it is never overwritten`])));
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    // Note: "wx" never overwrites a new resource's file; an upgrade replaces the module's file, which may be the checkout's own.
    writeFileSync(target, file.content, { flag: isNew(file.path) ? "wx" : "w" });
  }
  io.stdout(files.map((f) => `${f.path}\n`).join(""));
  return 0;
}
