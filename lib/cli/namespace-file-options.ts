import { UsageError } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";

/** The options `berth render resource` and `berth edit` share: a repository, one namespace in it, an answers file, an output folder and a profile. */
export function namespaceFileOptions(args: string[]) {
  const values = parseOptions(args, {
    repo: { type: "string" },
    namespace: { type: "string" },
    answers: { type: "string" },
    out: { type: "string" },
    profile: { type: "string" },
  });
  for (const option of ["repo", "namespace", "answers", "out"] as const) if (!values[option]) throw new UsageError(`--${option} is required`);
  const [cluster, name, ...rest] = values.namespace!.split("/");
  if (!cluster || !name || rest.length > 0) throw new UsageError("--namespace must be <cluster>/<name>, e.g. live/orders-dev");
  return { repo: values.repo!, cluster, name, answers: values.answers!, out: values.out!, profile: profileOption(values.profile) };
}
