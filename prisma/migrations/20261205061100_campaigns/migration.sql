-- Campaigns (lib/server/campaigns): one edit over many namespaces, a target row per
-- namespace, and each request's link back to the campaign that opened it.
-- CreateEnum
CREATE TYPE "campaign_state" AS ENUM ('running', 'paused', 'cancelled', 'finished');

-- CreateEnum
CREATE TYPE "campaign_target_state" AS ENUM ('pending', 'skipped', 'opening', 'opened', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "campaign_id" TEXT;

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "filter" JSONB NOT NULL,
    "prs_per_minute" INTEGER NOT NULL,
    "state" "campaign_state" NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_targets" (
    "campaign_id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "state" "campaign_target_state" NOT NULL,
    "reason" TEXT,
    "request_id" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "turn_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_targets_pkey" PRIMARY KEY ("campaign_id","cluster","namespace")
);

-- CreateIndex
CREATE INDEX "campaigns_state_idx" ON "campaigns"("state");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_targets_request_id_key" ON "campaign_targets"("request_id");

-- CreateIndex
CREATE INDEX "campaign_targets_campaign_id_state_idx" ON "campaign_targets"("campaign_id", "state");

-- CreateIndex
CREATE INDEX "requests_campaign_id_idx" ON "requests"("campaign_id");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
