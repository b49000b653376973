module "ci" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=1.2.0"

  namespace          = var.namespace
  kubernetes_cluster = var.kubernetes_cluster

  # Own names: the module's default role and rolebinding names collide with another serviceaccount block's
  serviceaccount_name = "ci"
  role_name           = "ci-role"
  rolebinding_name    = "ci-rolebinding"

  # Changing this date rotates the service account's token
  serviceaccount_token_rotated_date = "2026-12-04"

  # Provide repository names to create GitHub Actions secrets containing the
  # ca.crt and token for use in CI/CD pipelines
  github_repositories = ["orders-api"]
}
