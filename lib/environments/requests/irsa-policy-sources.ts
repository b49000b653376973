import type { PlatformProfile } from "../profile/profile";
import type { ModuleUse } from "../types";
import { IRSA_POLICY_MODULES, KIND_MODULES, type NewResourceAnswer } from "./resource-request";

/**
 * Whether a module has an `irsa_policy_arn` an irsa block can take in
 * `role_policy_arns`: the catalogue's interface says so (`irsaPolicy`); a
 * module the catalogue has no interface for falls back to the modules'
 * outputs.tf as Berth knows them (IRSA_POLICY_MODULES). The one rule the
 * resource form's list and validateResourceRequest share.
 */
export function hasIrsaPolicy(profile: Pick<PlatformProfile, "modules">, module: string): boolean {
  const iface = Object.hasOwn(profile.modules, module) ? profile.modules[module]!.interface : undefined;
  return iface ? iface.irsaPolicy !== null : IRSA_POLICY_MODULES.has(module);
}

/** The new-resource kinds whose module gives an IRSA policy, in the order the form lists kinds. */
export function irsaPolicyKinds(profile: Pick<PlatformProfile, "modules">): NewResourceAnswer["kind"][] {
  return (Object.keys(KIND_MODULES) as NewResourceAnswer["kind"][]).filter((kind) => hasIrsaPolicy(profile, KIND_MODULES[kind]));
}

/** The module blocks of a namespace an irsa block may take a policy from: enabled, giving an IRSA policy, and not the block itself. */
export function namespacePolicySources(profile: Pick<PlatformProfile, "modules">, modules: ModuleUse[], block: string): string[] {
  return modules.filter((m) => !m.disabled && m.name !== block && hasIrsaPolicy(profile, m.module)).map((m) => m.name);
}
