/** The PostgreSQL server tests use (CI: the local server); TEST_DATABASE_URL overrides it. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

/** The same server, another database. */
export function postgresUrlFor(database: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
