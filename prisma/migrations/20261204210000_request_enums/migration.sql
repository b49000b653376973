-- Request.kind and Request.state become enums. Existing text values are
-- converted in place (prisma's generated diff drops and re-adds the columns,
-- which would lose every request). Any value outside the enum stops the
-- migration with PostgreSQL's "invalid input value for enum" rather than
-- being guessed at.

-- CreateEnum
CREATE TYPE "request_kind" AS ENUM ('namespace', 'resources');

-- CreateEnum
CREATE TYPE "request_state" AS ENUM ('submitted', 'pr_open', 'changes_requested', 'approved', 'merged', 'applied', 'closed', 'failed', 'conflict');

-- AlterTable (the index on state is rebuilt by PostgreSQL with the column)
ALTER TABLE "requests"
  ALTER COLUMN "kind" TYPE "request_kind" USING "kind"::"request_kind",
  ALTER COLUMN "state" TYPE "request_state" USING "state"::"request_state";
