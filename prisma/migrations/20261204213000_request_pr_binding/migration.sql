-- Binds a request to its pull request's head repository, records the commit Berth
-- pushed and the pull request's updated_at; a digest refuses replayed webhook
-- payloads under fresh delivery ids. Existing rows keep nulls: their head
-- repository is taken from the first event that matches number and branch.
-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "pr_head_repo" TEXT,
ADD COLUMN     "pr_updated_at" TIMESTAMPTZ(3),
ADD COLUMN     "pushed_sha" TEXT;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "digest" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_digest_key" ON "webhook_deliveries"("digest");
