module "jobs_dlq" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.1.2"

  # Queue configuration
  sqs_name                  = "jobs-dlq"
  encrypt_sqs_kms           = "true"
  message_retention_seconds = 1209600

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

resource "kubernetes_secret" "jobs_dlq" {
  metadata {
    name      = "jobs-dlq-output"
    namespace = var.namespace
  }

  data = {
    sqs_id   = module.jobs_dlq.sqs_id
    sqs_arn  = module.jobs_dlq.sqs_arn
    sqs_name = module.jobs_dlq.sqs_name
  }
}

module "jobs" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-sqs?ref=5.1.2"

  # Queue configuration
  sqs_name                  = "jobs"
  encrypt_sqs_kms           = "true"
  message_retention_seconds = 345600

  redrive_policy = jsonencode({
    deadLetterTargetArn = module.jobs_dlq.sqs_arn
    maxReceiveCount     = 3
  })

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

resource "kubernetes_secret" "jobs" {
  metadata {
    name      = "jobs-output"
    namespace = var.namespace
  }

  data = {
    sqs_id   = module.jobs.sqs_id
    sqs_arn  = module.jobs.sqs_arn
    sqs_name = module.jobs.sqs_name
  }
}
