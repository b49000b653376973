-- A request can be revised: each revision's files and commit are kept on its
-- event (so the page shows the diff between revisions), and the request records
-- when it was last revised (reviews older than that are about an older revision).
-- The Slack notifier claims each event it notifies (notified_at), once, whichever replica runs it.
-- AlterTable
ALTER TABLE "request_events" ADD COLUMN     "files" JSONB,
ADD COLUMN     "notified_at" TIMESTAMPTZ(3),
ADD COLUMN     "sha" TEXT;

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "revised_at" TIMESTAMPTZ(3);
