-- Edit requests: changes to files that already exist (issue 14). Adding an
-- enum value keeps every existing row as it is.
ALTER TYPE "request_kind" ADD VALUE 'edit';
