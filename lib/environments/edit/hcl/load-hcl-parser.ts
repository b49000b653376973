import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";

export type { Node as HclNode, Tree as HclTree };

/** Parses Terraform text into tree-sitter's concrete syntax tree; node offsets are JavaScript string indices. */
export interface HclParser {
  parse(text: string): Tree;
}

let loading: Promise<HclParser> | null = null;

/**
 * The Terraform parser (web-tree-sitter 0.27.1 with the tree-sitter-hcl
 * package's terraform grammar), loaded on first use.
 *
 * Note: the one module-level value is this cached promise. WebAssembly
 * loading is asynchronous and costs ~35 ms, and the loaded module is
 * immutable code with no outside connection (no client, no clock), so
 * sharing it is what the composition root would do anyway; a failed load
 * is forgotten so the next call retries.
 */
export function loadHclParser(): Promise<HclParser> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<HclParser> {
  const require = createRequire(import.meta.url);
  // Read as bytes rather than located by URL, so a bundled server finds them too.
  const [runtime, grammar] = await Promise.all([
    readFile(require.resolve("web-tree-sitter/web-tree-sitter.wasm")),
    readFile(require.resolve("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm")),
  ]);
  await Parser.init({ wasmBinary: runtime });
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text) {
      const tree = parser.parse(text);
      if (!tree) throw new Error("tree-sitter returned no tree");
      return tree;
    },
  };
}
