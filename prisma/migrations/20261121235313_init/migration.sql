-- CreateTable
CREATE TABLE "index_runs" (
    "id" SERIAL NOT NULL,
    "commit" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespaces" INTEGER NOT NULL,
    "problems" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "index_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "index_runs_created_at_idx" ON "index_runs"("created_at");
