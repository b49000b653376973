import { accessOperation } from "./access/edit-access";
import { bumpModuleOperation } from "./bump-module-operation";
import { decommissionOperation } from "./decommission-operation";
import { defaultTagsOperation } from "./default-tags-operation";
import type { EditOperation, EditOperationName } from "./edit-operation";
import { metadataOperation } from "./metadata/edit-metadata";
import { removeOperation } from "./remove-operation";
import { resourceOperation } from "./resource-operation";

/** Every edit of existing files Berth can make, by name; `berth edit` and the edit requests both use this list. */
export const editOperations: Partial<Record<EditOperationName, EditOperation<unknown>>> = {
  metadata: metadataOperation as EditOperation<unknown>,
  access: accessOperation as EditOperation<unknown>,
  resource: resourceOperation as EditOperation<unknown>,
  remove: removeOperation as EditOperation<unknown>,
  decommission: decommissionOperation as EditOperation<unknown>,
  "bump-module": bumpModuleOperation as EditOperation<unknown>,
  "default-tags": defaultTagsOperation as EditOperation<unknown>,
};
