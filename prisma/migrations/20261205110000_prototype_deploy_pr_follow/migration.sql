-- Berth follows the pull request it opened in a prototype's own repository
-- (webhooks from that repository, the poller, a refresh): when it last heard
-- from GitHub, GitHub's own updated_at (older news never moves it back), and
-- why closing it failed when its namespace request was withdrawn or closed.
-- State stays a string: opening, open, merged, closed or failed. Existing rows
-- keep nulls until the next read.
-- AlterTable
ALTER TABLE "prototype_deploy_prs" ADD COLUMN     "fetched_at" TIMESTAMPTZ(3),
ADD COLUMN     "github_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "close_failure" TEXT;
