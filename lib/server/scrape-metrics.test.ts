import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { scrapeMetrics } from "./scrape-metrics";
import { fakeServices } from "./testing/fake-services";

const token = "scrape-token-0123456789";
const guarded = fakeServices({ env: parseEnv({ BERTH_METRICS_TOKEN: token }) });

describe("scrapeMetrics", () => {
  it("is open when no scrape token is set", async () => {
    const scrape = await scrapeMetrics(fakeServices(), null);
    expect(scrape.body).toContain("berth_index_loaded 1");
    expect(scrape.contentType).toMatch(/^text\/plain/);
  });

  it.each([
    ["no header", null],
    ["a wrong token", `Bearer ${token.replace("0", "1")}`],
    ["a token of another length", "Bearer short"],
    ["the token without the scheme", token],
  ])("refuses %s with the token set", async (_, authorization) => {
    await expect(scrapeMetrics(guarded, authorization)).rejects.toMatchObject({ code: "unauthenticated", status: 401 });
  });

  it("answers the scraper with the token", async () => {
    expect((await scrapeMetrics(guarded, `Bearer ${token}`)).body).toContain("# TYPE berth_webhook_deliveries_total counter");
  });
});
