import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "./create-db";
import { isDatabaseUnavailable } from "./database-unavailable";
import { testPostgresUrl } from "./testing/scratch-database";

describe("isDatabaseUnavailable, on the errors a real PostgreSQL gives", () => {
  const down = createDb({ DATABASE_URL: "postgresql://postgres@127.0.0.1:9/berth", dataDir: "/nonexistent" });
  const up = createDb({ DATABASE_URL: testPostgresUrl, dataDir: "/nonexistent" });
  afterAll(async () => {
    await down.close();
    await up.close();
  });
  const failure = (work: Promise<unknown>) =>
    work.then(
      () => expect.unreachable("it should have failed"),
      (error: unknown) => error,
    );

  it("is true when the server does not answer", async () => {
    expect(isDatabaseUnavailable(await failure(down.client.$queryRaw`SELECT 1`))).toBe(true);
  });

  it("is true when no transaction can start in time (every connection busy)", async () => {
    expect(isDatabaseUnavailable(await failure(up.client.$transaction(async () => undefined, { maxWait: 0, timeout: 1 })))).toBe(true);
  });

  it("is false for a query the server answers with an error", async () => {
    const error = await failure(up.client.$queryRaw`SELECT 1 / 0`);
    expect(String(error)).toMatch(/division by zero/);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Can't reach database server"))).toBe(false);
  });
});
