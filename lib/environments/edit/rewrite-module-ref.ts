import { scanTerraformModules, type ModuleBlock } from "../repository/scan-terraform-modules";

/** A module pin Berth cannot rewrite safely; the message says why. */
export class ModuleRefRewriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModuleRefRewriteError";
  }
}

/**
 * The file with module `blockName`'s pinned version changed to `version` and
 * every other byte as it was: the `ref=` of its source (plain, `git::`,
 * with other query parameters) or, for a registry source, its `version`
 * string. A leading `v` on the old pin is kept (`v1.2.0` -> `v1.3.0`).
 *
 * Note: the scanner is the judge. Each textual occurrence of the old pin is
 * tried in turn and kept only when a re-scan shows exactly this block's pin
 * changed and nothing else, so a pin in a comment, a heredoc or another
 * block is never touched. `version` must already be a plain version
 * (MODULE_VERSION_PATTERN): it is written without escaping.
 */
export function rewriteModuleRef(text: string, blockName: string, version: string): string {
  const before = scanTerraformModules(text).modules;
  const matches = before.filter((m) => m.name === blockName);
  if (matches.length !== 1)
    throw new ModuleRefRewriteError(
      matches.length === 0 ? `no module block named ${blockName} in the file` : `${matches.length} module blocks are named ${blockName}`,
    );
  const block = matches[0]!;
  const pin = currentPin(block);
  if (!pin) throw new ModuleRefRewriteError(`module ${blockName} has no plain ?ref= or version to change`);
  const next = /^v\d/.test(pin.raw) && !/^v/.test(version) ? `v${version}` : version;
  const expected: ModuleBlock = pin.where === "source" ? { ...block, source: replaceRef(block.source!, next) } : { ...block, version: next };
  const needle = pin.where === "source" ? `ref=${pin.raw}` : `"${pin.raw}"`;
  const replacement = pin.where === "source" ? `ref=${next}` : `"${next}"`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const candidate = text.slice(0, at) + replacement + text.slice(at + needle.length);
    const after = scanTerraformModules(candidate).modules;
    if (after.length === before.length && after.every((m, i) => same(m, before[i] === block ? expected : before[i]!))) return candidate;
  }
  throw new ModuleRefRewriteError(`could not find the pin of module ${blockName} in the file as written; change it by hand`);
}

/** The pin as written: the `ref` query value of a source, or else the `version` attribute. */
function currentPin(block: ModuleBlock): { where: "source" | "version"; raw: string } | null {
  const ref = block.source ? /[?&]ref=([^&#]+)/.exec(block.source) : null;
  if (ref) return { where: "source", raw: ref[1]! };
  if (block.version !== null && block.version !== "") return { where: "version", raw: block.version };
  return null;
}

function replaceRef(source: string, ref: string): string {
  return source.replace(/([?&]ref=)[^&#]+/, (_, prefix: string) => `${prefix}${ref}`);
}

function same(a: ModuleBlock, b: ModuleBlock): boolean {
  return a.name === b.name && a.source === b.source && a.version === b.version && a.sourceIsExpression === b.sourceIsExpression && a.line === b.line;
}
