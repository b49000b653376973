import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createOctokit } from "../git/create-octokit";
import { githubModuleReleases, type ModuleReleases } from "../git/module-releases";
import { interfaceLag, LATEST_SOURCE_LABELS, type ModuleCatalogue } from "../environments/profile/module-catalogue";
import type { PlatformProfile } from "../environments/profile/profile";
import { catalogueFromIndex, interfaceFromFiles, newestVersion, withLatest } from "../environments/profile/refresh-catalogue";
import { buildIndex } from "../environments/repository/build-index";
import { runGit } from "../environments/repository/run-git";
import { UsageError, type CliCommand, type CliIo } from "./command";
import { parseOptions } from "./parse-options";
import { profileOption } from "./profile-option";

const usage = `Usage: berth catalogue (--module-repo <path> [--module <name>] [--tag <tag>] | --github [--github-api <url>] [--token-file <file>] | --repo <path>)
                       [--profile <file>] [--out <file>]

Refreshes the profile's module catalogue (latest versions, where and when they
were read, and interfaces) and writes the profile as JSON (to --out, or stdout).

  --module-repo <path>  a checkout of one module repository: its newest version tag
                        (or --tag), and variables.tf/outputs.tf at that tag
  --module <name>       the module's short name; default: the folder name minus the
                        profile's module prefix
  --github              every catalogued module's repository on GitHub (owner: the
                        profile's githubOwner): its latest release, and
                        variables.tf/outputs.tf at that release's tag
  --github-api <url>    the REST API root; default https://api.github.com
  --token-file <file>   a file holding a GitHub token; default: anonymous
  --repo <path>         an environments repository: each module's latest version is
                        the newest version pinned anywhere in it (interfaces kept)
  --profile <file>      the profile to refresh; default: Cloud Platform
  --out <file>          write the profile here and print a summary instead
`;

export interface CatalogueDeps {
  now: () => Date;
  /** The GitHub source for --github; tests pass a fake. */
  releases: (options: { api: string; token: string | undefined; owner: string }) => ModuleReleases;
}

export function createCatalogueCommand(deps: CatalogueDeps): CliCommand {
  return {
    name: "catalogue",
    summary: "refresh the module catalogue from a module repository, GitHub releases or the environments repository",
    usage,
    async run(args, io) {
      const values = parseOptions(args, {
        "module-repo": { type: "string" },
        module: { type: "string" },
        tag: { type: "string" },
        github: { type: "boolean" },
        "github-api": { type: "string" },
        "token-file": { type: "string" },
        repo: { type: "string" },
        profile: { type: "string" },
        out: { type: "string" },
      });
      const sources = [values["module-repo"], values.github, values.repo].filter(Boolean).length;
      if (sources !== 1) throw new UsageError("give exactly one of --module-repo <path>, --github or --repo <path>");
      const profile = profileOption(values.profile);
      const at = deps.now().toISOString();
      let modules: ModuleCatalogue;
      if (values["module-repo"]) {
        modules = await fromModuleRepo(profile, values["module-repo"], values.module, values.tag, at);
      } else if (values.github) {
        const token = values["token-file"] ? readFileSync(values["token-file"], "utf8").trim() : undefined;
        const releases = deps.releases({ api: values["github-api"] ?? "https://api.github.com", token, owner: profile.defaults.githubOwner });
        modules = await fromGitHub(profile, releases, at, io);
      } else {
        const index = await buildIndex({ repoPath: values.repo!, profile });
        modules = catalogueFromIndex(
          profile.modules,
          [...index.namespaces.values()].flatMap((ns) => ns.modules),
          at,
        );
      }
      const json = JSON.stringify({ ...profile, modules }, null, 2) + "\n";
      if (!values.out) {
        io.stdout(json);
        return 0;
      }
      writeFileSync(values.out, json);
      io.stdout(summary(modules));
      return 0;
    },
  };
}

export const catalogueCommand = createCatalogueCommand({
  now: () => new Date(),
  releases: ({ api, token, owner }) => githubModuleReleases(createOctokit({ baseUrl: api, auth: token }), owner),
});

async function fromModuleRepo(profile: PlatformProfile, dir: string, name: string | undefined, tag: string | undefined, at: string): Promise<ModuleCatalogue> {
  const short = name ?? path.basename(path.resolve(dir)).replace(profile.modulePrefix, "");
  const git = (gitArgs: string[]) => runGit(dir, gitArgs).then((b) => b.toString("utf8"));
  const chosen = tag ?? newestVersion((await git(["tag", "--list"])).split("\n").filter(Boolean));
  if (!chosen) throw new UsageError(`${dir} has no version tag; give --tag`);
  const show = (file: string) => git(["show", `refs/tags/${chosen}:${file}`]).catch(() => null);
  const [variables, outputs] = [await show("variables.tf"), await show("outputs.tf")];
  if (variables === null || outputs === null) throw new UsageError(`${dir} at ${chosen} has no variables.tf or outputs.tf at its root`);
  const previous = profile.modules[short];
  const iface = interfaceFromFiles(variables, outputs, chosen, previous?.interface);
  return { ...profile.modules, [short]: withLatest(previous, chosen, "module-repository", at, iface) };
}

async function fromGitHub(profile: PlatformProfile, releases: ModuleReleases, at: string, io: CliIo): Promise<ModuleCatalogue> {
  const out: ModuleCatalogue = {};
  for (const [module, entry] of Object.entries(profile.modules)) {
    const repo = `${profile.modulePrefix}${module}`;
    const tag = await releases.latestRelease(repo);
    if (tag === null) {
      io.stderr(`${repo}: no release; ${module} keeps ${entry.latest}\n`);
      out[module] = entry;
      continue;
    }
    const [variables, outputs] = [await releases.readFile(repo, "variables.tf", tag), await releases.readFile(repo, "outputs.tf", tag)];
    const iface = variables !== null && outputs !== null ? interfaceFromFiles(variables, outputs, tag, entry.interface) : undefined;
    out[module] = withLatest(entry, tag, "github-releases", at, iface);
  }
  return out;
}

function summary(modules: ModuleCatalogue): string {
  return Object.entries(modules)
    .map(([name, m]) => {
      const note = interfaceLag(m);
      return `${name} ${m.latest}: ${LATEST_SOURCE_LABELS[m.latestFrom]}${m.latestAt ? `, ${m.latestAt}` : ""}${note ? ` (${note})` : ""}\n`;
    })
    .join("");
}
