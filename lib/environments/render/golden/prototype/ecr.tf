module "ecr-repo" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-ecr-credentials?ref=8.0.2"

  # Repository configuration
  repo_name = "visits-prototype-ecr"

  # OpenID Connect configuration
  oidc_providers      = ["github"]
  github_repositories = ["visits-prototype"]

  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
}

resource "kubernetes_secret" "ecr-repo" {
  metadata {
    name      = "ecr-repo-visits-prototype"
    namespace = var.namespace
  }

  data = {
    repo_arn = module.ecr-repo.repo_arn
    repo_url = module.ecr-repo.repo_url
  }
}
