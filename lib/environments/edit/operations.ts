import type { EditOperation, EditOperationName } from "./edit-operation";

/** Every edit of existing files Berth can make, by name; `berth edit` and the edit requests both use this list. */
export const editOperations: Partial<Record<EditOperationName, EditOperation<unknown>>> = {};
