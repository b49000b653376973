module "app_irsa" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-irsa?ref=2.1.0"

  # EKS configuration: the cluster's name, injected by the pipeline (kubernetes_cluster is its API host name)
  eks_cluster_name = var.eks_cluster_name

  # IRSA configuration
  service_account_name = "orders-api"

  role_policy_arns = {
    cache  = module.cache.irsa_policy_arn
    images = module.images.irsa_policy_arn
  }

  # Tags
  business_unit          = var.business_unit
  application            = var.application
  is_production          = var.is_production
  team_name              = var.team_name
  namespace              = var.namespace
  environment_name       = var.environment
  infrastructure_support = var.infrastructure_support
}

resource "kubernetes_secret" "app_irsa" {
  metadata {
    name      = "app-irsa-output"
    namespace = var.namespace
  }

  data = {
    role           = module.app_irsa.role_name
    rolearn        = module.app_irsa.role_arn
    serviceaccount = module.app_irsa.service_account.name
  }
}
