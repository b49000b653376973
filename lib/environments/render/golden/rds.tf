module "db" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0"

  # VPC configuration
  vpc_name = var.vpc_name

  # RDS configuration
  allow_minor_version_upgrade  = true
  allow_major_version_upgrade  = false
  performance_insights_enabled = false
  db_max_allocated_storage     = "500"
  enable_rds_auto_start_stop   = true
  db_instance_class            = "db.t4g.micro"
  db_engine_version            = "18"
  rds_family                   = "postgres18"

  # IRSA configuration
  enable_irsa = true

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

resource "kubernetes_secret" "db" {
  metadata {
    name      = "db-output"
    namespace = var.namespace
  }

  data = {
    rds_instance_endpoint = module.db.rds_instance_endpoint
    database_name         = module.db.database_name
    database_username     = module.db.database_username
    database_password     = module.db.database_password
    rds_instance_address  = module.db.rds_instance_address
  }
}

module "db_replica" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-rds-instance?ref=9.2.0"

  # VPC configuration
  vpc_name = var.vpc_name

  # Read replica of module.db
  db_name                    = null
  replicate_source_db        = module.db.db_identifier
  skip_final_snapshot        = "true"
  db_backup_retention_period = 0
  db_instance_class          = "db.t4g.micro"
  db_engine_version          = "18"
  rds_family                 = "postgres18"

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

resource "kubernetes_secret" "db_replica" {
  metadata {
    name      = "db-replica-output"
    namespace = var.namespace
  }

  data = {
    rds_instance_endpoint = module.db_replica.rds_instance_endpoint
    rds_instance_address  = module.db_replica.rds_instance_address
  }
}
