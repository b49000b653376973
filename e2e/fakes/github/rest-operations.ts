import { orgOperations } from "./org-operations";
import type { RestOperation } from "./rest-operation";
import { userOperations } from "./user-operations";

/**
 * Every REST operation the fake serves. scripts/github-openapi-subset.ts
 * keeps exactly these (by method and path) from GitHub's description, so a new
 * row here is followed by regenerating openapi-subset.json.
 */
export const restOperations: readonly RestOperation[] = [...userOperations, ...orgOperations];
