-- Stores each request's pull-request snapshot, written by webhooks, the poller
-- and a reviewer's refresh, so a request page never calls GitHub. Existing rows
-- keep nulls until the next poll or delivery.
-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "pr_fetched_at" TIMESTAMPTZ(3),
ADD COLUMN     "pr_snapshot" JSONB;
