import type { PlatformProfile } from "../profile/profile";
import { parseModuleSource } from "../repository/parse-module-source";
import { readHclBlocks, referencesIn, type HclBlock } from "./read-hcl-blocks";

/** One way a module block Berth would write does not fit its module's interface. */
export interface InterfaceFailure {
  /** Path from the repository root. */
  file: string;
  /** The block label (`module "<label>"` or the kubernetes_secret's name). */
  block: string;
  /** The module's short name, e.g. `elasticache-cluster`; null for a block that is not a module. */
  module: string | null;
  /** The input (or Secret key) at fault. */
  input: string;
  message: string;
}

/** Module arguments Terraform itself defines: never a module's declared input. */
const META_ARGUMENTS = new Set(["source", "version", "providers", "count", "for_each", "depends_on"]);

const STRUCTURED_TYPE = /^(list|map|set|object|tuple)\b/;

/**
 * Checks the module blocks of the files a change writes against the
 * catalogue's interfaces before anything becomes a pull request: every
 * required input present, no input the module does not declare, every
 * `var.X` declared by a `variable` block of the namespace (as it will be
 * after the change), every `module.x.y` an output of an existing or new
 * block (with its condition met, e.g. ElastiCache's irsa_policy_arn needs
 * `enable_irsa = true`), and list or map outputs written into a
 * kubernetes_secret's data only through jsonencode().
 *
 * `written` are the files Berth writes whole (their blocks are checked);
 * `namespaceFiles` are every .tf file of the namespace's resources/ folder
 * after the change (where variables and module blocks are looked up);
 * `indexed` are the namespace's module blocks as the index knows them, for
 * blocks whose file was not read.
 */
export function checkModuleInterfaces(
  written: { path: string; content: string }[],
  namespaceFiles: { path: string; content: string }[],
  profile: Pick<PlatformProfile, "modules" | "modulePrefix">,
  indexed: { name: string; module: string }[] = [],
): InterfaceFailure[] {
  const all = namespaceFiles.map((f) => ({ path: f.path, blocks: readHclBlocks(f.content) }));
  const declared = new Set(all.flatMap((f) => f.blocks.filter((b) => b.type === "variable").map((b) => b.labels[0]!)));
  const modules = new Map<string, { short: string | null; block: HclBlock | null }>(indexed.map((m) => [m.name, { short: m.module, block: null }]));
  for (const f of all) for (const b of f.blocks) if (b.type === "module" && b.labels[0]) modules.set(b.labels[0], { short: shortName(b, profile), block: b });
  const failures: InterfaceFailure[] = [];

  for (const file of written.filter((f) => f.path.endsWith(".tf"))) {
    for (const block of readHclBlocks(file.content)) {
      const label = block.labels.at(-1) ?? block.type;
      const short = block.type === "module" ? shortName(block, profile) : null;
      const fail = (input: string, message: string) => failures.push({ file: file.path, block: label, module: short, input, message });
      const iface = short === null ? undefined : profile.modules[short]?.interface;
      if (block.type === "module") {
        if (short === null || !iface) {
          fail("source", `module ${label}: ${short ?? "its source"} is not in the platform's catalogue with an interface`);
          continue;
        }
        const inputs = new Set(iface.inputs.map((i) => i.name));
        for (const input of iface.inputs) {
          if (input.required && !block.attributes.has(input.name)) fail(input.name, `module ${label} (${short}): required input ${input.name} is missing`);
        }
        for (const name of block.attributes.keys()) {
          if (!META_ARGUMENTS.has(name) && !inputs.has(name)) fail(name, `module ${label} (${short}): ${name} is not an input of ${short} ${iface.at}`);
        }
      }
      const nestedBlocks = [...block.nested].filter(([name]) => !block.attributes.has(name));
      const entries = [
        ...block.attributes,
        ...nestedBlocks.flatMap(([outer, attrs]) => [...attrs].map(([name, value]) => [`${outer}.${name}`, value] as const)),
      ];
      for (const [name, value] of entries) {
        const refs = referencesIn(stripStrings(value));
        for (const v of refs.variables) {
          if (!declared.has(v)) fail(name, `${describe(block, label, short)}: ${name} uses var.${v}, which the namespace does not declare`);
        }
        for (const ref of refs.outputs) {
          const message = checkOutput(ref, modules, profile);
          if (message) fail(name, `${describe(block, label, short)}: ${name}: ${message}`);
        }
      }
      if (block.type === "resource" && block.labels[0] === "kubernetes_secret") {
        for (const [key, value] of block.nested.get("data") ?? []) {
          const whole = /^module\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)$/.exec(value);
          if (!whole) continue;
          const target = modules.get(whole[1]!);
          const output = target?.short ? profile.modules[target.short]?.interface?.outputs.find((o) => o.name === whole[2]) : undefined;
          if (output && STRUCTURED_TYPE.test(output.type)) {
            fail(key, `kubernetes_secret ${label}: ${key} takes ${value}, a ${output.type}; Secret data holds strings: write jsonencode(${value})`);
          }
        }
      }
    }
  }
  return failures;
}

function shortName(block: HclBlock, profile: Pick<PlatformProfile, "modulePrefix">): string | null {
  const source = block.attributes.get("source");
  const literal = source === undefined ? null : /^"([^"\\]*)"$/.exec(source);
  return literal ? parseModuleSource(literal[1]!, profile.modulePrefix).module : null;
}

function describe(block: HclBlock, label: string, short: string | null): string {
  return block.type === "module" ? `module ${label} (${short})` : `${block.type} ${block.labels.join(".")}`;
}

/** Why `module.<module>.<output>` does not resolve; null when it does. */
function checkOutput(
  ref: { module: string; output: string },
  modules: Map<string, { short: string | null; block: HclBlock | null }>,
  profile: Pick<PlatformProfile, "modules">,
): string | null {
  const target = modules.get(ref.module);
  if (!target) return `module.${ref.module} is not a module block of this namespace`;
  const iface = target.short === null ? undefined : profile.modules[target.short]?.interface;
  if (!iface) return null;
  if (!iface.outputs.some((o) => o.name === ref.output)) return `${target.short} ${iface.at} has no output ${ref.output}`;
  const policy = iface.irsaPolicy;
  if (policy?.output === ref.output && policy.condition) {
    const [input, expected] = policy.condition.split("=").map((s) => s.trim());
    if (input && target.block && target.block.attributes.get(input) !== expected) {
      return `module.${ref.module}.${ref.output} is null unless ${policy.condition} in module ${ref.module}`;
    }
  }
  return null;
}

/** An expression without its string literals' contents, so a reference inside a string does not count. */
function stripStrings(value: string): string {
  return value.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}
