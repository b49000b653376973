-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "review" JSONB;
