import { appOperations } from "./app-operations";
import { checkOperations } from "./check-operations";
import { gitOperations } from "./git-operations";
import { issueOperations } from "./issue-operations";
import { orgOperations } from "./org-operations";
import { pullOperations } from "./pull-operations";
import type { RestOperation } from "./rest-operation";
import { reviewOperations } from "./review-operations";
import { userOperations } from "./user-operations";

/**
 * Every REST operation the fake serves. scripts/github-openapi-subset.ts
 * keeps exactly these (by method and path) from GitHub's description, so a new
 * row here is followed by regenerating openapi-subset.json.
 */
export const restOperations: readonly RestOperation[] = [
  ...userOperations,
  ...orgOperations,
  ...gitOperations,
  ...pullOperations,
  ...reviewOperations,
  ...issueOperations,
  ...checkOperations,
  ...appOperations,
];
