import { UsageError, type CliCommand, type CliIo } from "./command";
import { renderNamespace, renderNamespaceUsage } from "./render-namespace";
import { renderResource, renderResourceUsage } from "./render-resource";

/** What `berth render` can render; a new kind is one file plus one entry here. */
const kinds: Record<string, { run: (args: string[], io: CliIo) => Promise<number>; usage: string }> = {
  namespace: { run: renderNamespace, usage: renderNamespaceUsage },
  resource: { run: renderResource, usage: renderResourceUsage },
};

const usage = `Usage: berth render <kind> [options]

Writes the files a pull request would contain, without opening one.

${Object.values(kinds)
  .map((k) => k.usage)
  .join("\n")}`;

export const renderCommand: CliCommand = {
  name: "render",
  summary: `write the files a request would add (${Object.keys(kinds).join(", ")})`,
  usage,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (!kind || kind.startsWith("-")) throw new UsageError(`say what to render: ${Object.keys(kinds).join(", ")}`);
    const handler = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
    if (!handler) throw new UsageError(`cannot render "${kind}"; kinds: ${Object.keys(kinds).join(", ")}`);
    return handler.run(rest, io);
  },
};
