module "table" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-dynamodb-cluster?ref=4.1.0"

  # Table configuration
  hash_key  = "id"
  range_key = "at"

  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
}

resource "kubernetes_secret" "table" {
  metadata {
    name      = "table-output"
    namespace = var.namespace
  }

  data = {
    table_name = module.table.table_name
    table_arn  = module.table.table_arn
  }
}
