export { createDb, type Db, type OpenDb } from "./create-db";
export { migrateDatabase, type MigrateOptions } from "./migrate-database";
export { embeddedFolder } from "./embedded-folder";
export { acquireFolderLock, waitForFolderLock, FolderLockedError, type FolderLock } from "./lock";
