import { z } from "zod";
import builtIn from "./cloud-platform-catalogue.json";
import { editableSchema, protectionInputSchema } from "./editable-inputs";

/** Where a catalogue entry's "latest" version came from. */
export const LATEST_SOURCES = ["built-in", "profile", "module-repository", "github-releases", "index"] as const;
export type LatestSource = (typeof LATEST_SOURCES)[number];

/** What each source means, for the overview and the CLI. */
export const LATEST_SOURCE_LABELS: Record<LatestSource, string> = {
  "built-in": "Berth's built-in facts",
  profile: "the profile file",
  "module-repository": "the module repository at a tag",
  "github-releases": "the module repository's GitHub releases",
  index: "the newest version pinned in the environments repository",
};

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, "a Terraform identifier");

const inputSchema = z.object({
  name: identifier,
  /** The type constraint as variables.tf writes it (`string`, `list(string)`, ...); `any` when it declares none. */
  type: z.string().min(1).default("any"),
  required: z.boolean(),
  /** The default as HCL text, when variables.tf declares one and it was read. */
  default: z.string().optional(),
});

const outputSchema = z.object({
  name: identifier,
  /**
   * The value's shape: outputs.tf declares no types, so this is `string`
   * unless the catalogue knows better (`list(string)`, `map(string)`,
   * `object`). A list, map or object goes into Secret data only through
   * jsonencode().
   */
  type: z.string().min(1).default("string"),
  sensitive: z.boolean().default(false),
});

export const moduleInterfaceSchema = z.object({
  /** The module version whose variables.tf/outputs.tf this was read from. */
  at: z.string().min(1),
  inputs: z.array(inputSchema),
  outputs: z.array(outputSchema),
  /** The output an irsa block takes in `role_policy_arns`, and when it is not null; null when the module has none. */
  irsaPolicy: z
    .object({ output: identifier, condition: z.string().min(1).optional() })
    .nullable()
    .default(null),
  /** The standard kubernetes_secret's data: key -> output (a path such as `service_account.name`). */
  secretKeys: z.record(z.string().min(1), z.string().min(1)).default({}),
});

export const catalogueModuleSchema = z.object({
  latest: z.string().min(1),
  latestFrom: z.enum(LATEST_SOURCES).default("profile"),
  /** When the latest version was read (ISO 8601 date or time). */
  latestAt: z.string().min(1).optional(),
  interface: moduleInterfaceSchema.optional(),
  /** Inputs a resource-settings edit may change (lib/environments/edit), by input name. */
  editable: editableSchema.optional(),
  /** Inputs that stop deletion: a removal turns them off first, in a PR of its own. */
  protection: z.array(protectionInputSchema).optional(),
});

export type ModuleInterface = z.infer<typeof moduleInterfaceSchema>;
export type CatalogueModule = z.infer<typeof catalogueModuleSchema>;
export type ModuleCatalogue = Record<string, CatalogueModule>;

const builtInSchema = z.object({
  readAt: z.string(),
  modules: z.record(
    z.string(),
    z.object({
      latest: z.string(),
      interface: moduleInterfaceSchema,
      editable: editableSchema.optional(),
      protection: z.array(protectionInputSchema).optional(),
    }),
  ),
});

/**
 * The Cloud Platform catalogue Berth ships: module-facts.json as read on
 * `readAt` (versions from the environments repository, interfaces from the
 * module repositories' newest mirrored tags), committed in
 * cloud-platform-catalogue.json so a build needs nothing outside the repo.
 */
export const builtInCatalogue: ModuleCatalogue = Object.fromEntries(
  Object.entries(builtInSchema.parse(builtIn).modules).map(([name, m]) => [
    name,
    { latest: m.latest, latestFrom: "built-in" as const, latestAt: builtIn.readAt, interface: m.interface, editable: m.editable, protection: m.protection },
  ]),
);

/**
 * A profile's `modules`: either the catalogue form (name -> entry) or the
 * older `{ name: version }` form. An old-form entry keeps its version
 * (latestFrom "profile") and borrows the built-in interface of a module of
 * the same name, so the interface check still applies to it. Either form
 * borrows the built-in editable and protection inputs it does not give.
 */
export const modulesSchema = z.record(z.string(), z.union([z.string().min(1), catalogueModuleSchema])).transform((modules): ModuleCatalogue =>
  Object.fromEntries(
    Object.entries(modules).map(([name, entry]) => {
      const builtInEntry = Object.hasOwn(builtInCatalogue, name) ? builtInCatalogue[name] : undefined;
      const borrowed = { editable: builtInEntry?.editable, protection: builtInEntry?.protection };
      if (typeof entry !== "string") return [name, { ...borrowed, ...withoutUndefined(entry) }];
      const known = builtInEntry?.interface;
      return [name, { latest: entry, latestFrom: "profile" as const, ...(known ? { interface: known } : {}), ...borrowed }];
    }),
  ),
);

/** A note when the interface was read at an older version than the catalogue's latest; null when they agree. */
export function interfaceLag(entry: CatalogueModule): string | null {
  if (!entry.interface || entry.interface.at === entry.latest) return null;
  return `interface read at ${entry.interface.at}; the latest version is ${entry.latest}`;
}

function withoutUndefined<T extends object>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined)) as T;
}
