import { cloudPlatformProfile as profile } from "../../lib/environments/profile/profile";
import { parseNamespace } from "../../lib/environments/repository/parse-namespace";
import { editResource } from "../../lib/environments/edit/resource-operation";
import { summarize } from "./stats";

const DOMAIN = "live.cloud-platform.service.justice.gov.uk";

/** An RDS module block and its Secret as the template writes them, about 50 lines. */
function rdsBlock(name: string): string {
  return `# ${name}: the ${name} database
module "${name}" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0"

  vpc_name                     = var.vpc_name
  allow_major_version_upgrade  = false
  performance_insights_enabled = false
  db_max_allocated_storage     = "500"
  enable_rds_auto_start_stop   = true
  db_engine                    = "postgres"
  db_engine_version            = "16"
  rds_family                   = "postgres16"
  db_instance_class            = "db.t4g.micro"

  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support

  providers = {
    aws = aws.london
  }
}

resource "kubernetes_secret" "${name}" {
  metadata {
    name      = "${name}-output"
    namespace = var.namespace
  }

  data = {
    rds_instance_endpoint = module.${name}.rds_instance_endpoint
    database_name         = module.${name}.database_name
    database_username     = module.${name}.database_username
    database_password     = module.${name}.database_password
    rds_instance_address  = module.${name}.rds_instance_address
  }
}
`;
}

/**
 * "Edit one block of a 2,000-line .tf file": the resource-settings edit of
 * one RDS block in the middle of a file of 48 such blocks, end to end
 * (parse the file, check, splice, parse again), as the edit preview does it.
 * The first call, which loads the parser (WebAssembly), is not counted.
 */
export async function editBench(rounds = 50): Promise<{ lines: number; editMs: ReturnType<typeof summarize> }> {
  const text = Array.from({ length: 48 }, (_, i) => rdsBlock(`db_${i}`)).join("\n");
  const files = { "resources/rds.tf": text };
  const record = parseNamespace({ files, profile, clusterDomain: DOMAIN, name: "bench" });
  const folder = { record, files: new Map(Object.entries(files)) };
  const edit = (version: string) => editResource(folder, { name: "db_20", inputs: { db_engine_version: version } }, profile);
  const first = await edit("17");
  if (!first.ok || first.files.length !== 1) throw new Error(`the edit bench's edit failed: ${JSON.stringify(first)}`);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await edit(i % 2 === 0 ? "17" : "18");
    samples.push(performance.now() - t);
  }
  return { lines: text.split("\n").length, editMs: summarize(samples) };
}

export function editRows(r: Awaited<ReturnType<typeof editBench>>): [string, string, string][] {
  return [
    [
      `Edit one block of a ${r.lines.toLocaleString("en-GB")}-line .tf file (median/p95 of ${r.editMs.n})`,
      `${r.editMs.median} / ${r.editMs.p95} ms`,
      "< 50 ms median",
    ],
  ];
}
