import type { SampleTeam } from "./sample-teams";

/** One catalogued module used in a namespace: one resources/<file>.tf with a block per instance. */
export interface SampleModuleGroup {
  /** The catalogue's short name, e.g. `rds-instance`. */
  module: string;
  ref: string;
  /** Module block labels (HCL identifiers), one block each. */
  instances: string[];
  /** A small number renderers use to vary settings such as engine versions. */
  variant: number;
}

export interface SampleExtraTeam {
  team: SampleTeam;
  /** True: its own `07-rbac-<team>.yaml`; false: a second subject in 01-rbac.yaml. */
  ownFile: boolean;
}

/** Everything needed to render one namespace folder. */
export interface SampleNamespace {
  name: string;
  clusterDomain: string;
  businessUnit: string;
  /** Free-text application name for the annotation. */
  application: string;
  /** The application's slug; also its repository name. */
  applicationSlug: string;
  environment: string;
  isProduction: boolean;
  team: SampleTeam;
  extraTeams: SampleExtraTeam[];
  slackChannel: string;
  sourceCode: string;
  serviceArea: string;
  /** YYYY-MM-DD, or "" for none. */
  reviewAfter: string;
  skipApply: boolean;
  certificate: boolean;
  serviceMonitor: boolean;
  modules: SampleModuleGroup[];
}
