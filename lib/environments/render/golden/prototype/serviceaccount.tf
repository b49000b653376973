module "serviceaccount" {
  source = "github.com/ministryofjustice/cloud-platform-terraform-serviceaccount?ref=1.2.0"

  namespace          = var.namespace
  kubernetes_cluster = var.kubernetes_cluster

  # Changing this date rotates the service account's token
  serviceaccount_token_rotated_date = "2026-12-05"

  # Provide repository names to create GitHub Actions secrets containing the
  # ca.crt and token for use in CI/CD pipelines
  github_repositories = ["visits-prototype"]
}
