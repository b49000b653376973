module "cache" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-elasticache-cluster?ref=8.2.0"

  # VPC configuration
  vpc_name = var.vpc_name

  # Redis cluster configuration
  node_type             = "cache.t4g.micro"
  engine_version        = "7.0"
  parameter_group_name  = "default.redis7"
  number_cache_clusters = "2"

  # Tags
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

resource "kubernetes_secret" "cache" {
  metadata {
    name      = "cache-output"
    namespace = var.namespace
  }

  data = {
    primary_endpoint_address = module.cache.primary_endpoint_address
    auth_token               = module.cache.auth_token
    member_clusters          = jsonencode(module.cache.member_clusters)
    replication_group_id     = module.cache.replication_group_id
  }
}
