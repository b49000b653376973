module "docs" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-s3-bucket?ref=5.3.0"

  # S3 configuration
  versioning = true

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

resource "kubernetes_secret" "docs" {
  metadata {
    name      = "docs-output"
    namespace = var.namespace
  }

  data = {
    bucket_arn  = module.docs.bucket_arn
    bucket_name = module.docs.bucket_name
  }
}
