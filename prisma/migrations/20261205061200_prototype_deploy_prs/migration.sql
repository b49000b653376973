-- The pull request Berth opens in a prototype site's own repository with its
-- deployment files, one per namespace request that asked for it.
-- CreateTable
CREATE TABLE "prototype_deploy_prs" (
    "request_id" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "number" INTEGER,
    "url" TEXT,
    "failure" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "prototype_deploy_prs_pkey" PRIMARY KEY ("request_id")
);
