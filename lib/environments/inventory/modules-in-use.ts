import type { ModuleUse, NamespaceRecord } from "../types";

const inUse = new WeakMap<NamespaceRecord, ModuleUse[]>();

/**
 * A namespace's module blocks that create something: all but the disabled
 * (`count = 0`) ones. What the inventory counts, filters on and offers to
 * upgrade. Kept per record, which never changes once indexed.
 */
export function modulesInUse(ns: Pick<NamespaceRecord, "modules">): ModuleUse[] {
  const record = ns as NamespaceRecord;
  let uses = inUse.get(record);
  if (uses === undefined) {
    uses = ns.modules.some((m) => m.disabled) ? ns.modules.filter((m) => !m.disabled) : ns.modules;
    inUse.set(record, uses);
  }
  return uses;
}
