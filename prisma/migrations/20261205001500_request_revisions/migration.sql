-- A request can be revised: each revision's files and commit are kept on its
-- event (so the page shows the diff between revisions), and the request records
-- when it was last revised (reviews older than that are about an older revision).
-- AlterTable
ALTER TABLE "request_events" ADD COLUMN     "files" JSONB,
ADD COLUMN     "sha" TEXT;

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "revised_at" TIMESTAMPTZ(3);
