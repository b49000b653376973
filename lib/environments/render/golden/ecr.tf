module "images" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-ecr-credentials?ref=8.0.2"

  # Repository configuration
  repo_name = "orders-dev-images"

  # OpenID Connect configuration
  oidc_providers      = ["github"]
  github_repositories = ["orders-api"]

  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
}

resource "kubernetes_secret" "images" {
  metadata {
    name      = "images-output"
    namespace = var.namespace
  }

  data = {
    repo_arn = module.images.repo_arn
    repo_url = module.images.repo_url
  }
}
