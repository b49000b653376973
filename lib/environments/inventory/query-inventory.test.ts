import { describe, expect, it } from "vitest";
import { cloudPlatformProfile } from "../profile/profile";
import { inventoryQueryString, parseInventoryQuery, queryInventory } from "./query-inventory";
import { namespaceRecord } from "../testing/namespace-record";

const ns = namespaceRecord;

const ctx = { profile: cloudPlatformProfile, today: "2026-06-01" };
const all = [
  ns("alpha", { businessUnit: "LAA", teams: ["laa-crime"], isProduction: true, environment: "production" }),
  ns("bravo", { reviewAfter: "2026-01-01" }),
  ns("charlie", { modules: [{ name: "db", module: "rds-instance", source: "x", ref: "8.0.0", file: "resources/rds.tf" }] }),
  ns("delta", { cluster: "live-2", problems: [{ file: "00-namespace.yaml", message: "bad", severity: "error" }], owner: "Delta Squad: d@x" }),
  ns("echo", { skipApply: true, reviewAfter: "2027-01-01", problems: [{ file: "07-extra.yml", message: "use .yaml", severity: "warning" }] }),
];

const run = (params: Record<string, string>) => queryInventory(all, parseInventoryQuery(params), ctx);
const names = (params: Record<string, string>) => run(params).rows.map((r) => r.name);

describe("queryInventory", () => {
  it("filters by each field", () => {
    expect(names({ businessUnit: "LAA" })).toEqual(["alpha"]);
    expect(names({ cluster: "live-2" })).toEqual(["delta"]);
    expect(names({ production: "true" })).toEqual(["alpha"]);
    expect(names({ environment: "production" })).toEqual(["alpha"]);
    expect(names({ team: "laa-crime" })).toEqual(["alpha"]);
    expect(names({ module: "rds-instance" })).toEqual(["charlie"]);
    expect(queryInventory(all, parseInventoryQuery({ mine: "true" }), { ...ctx, myTeams: ["laa-crime"] }).rows.map((r) => r.name)).toEqual(["alpha"]);
    expect(names({ mine: "true" })).toEqual([]);
  });

  it("filters by a module pinned below a version, and by a default tag an aws provider lacks", () => {
    const rds = (name: string, ref: string | null, disabled = false) => ({
      name,
      module: "rds-instance",
      source: "x",
      ref,
      file: "resources/rds.tf",
      ...(disabled ? { disabled } : {}),
    });
    const pins = [
      ns("old", { modules: [rds("db", "8.0.0")] }),
      ns("current", { modules: [rds("db", "9.2.0")] }),
      ns("off", { modules: [rds("db", "9.2.0"), rds("replica", "7.0.0", true)] }),
      ns("branch", { modules: [rds("db", "main")] }),
      ns("mixed", { modules: [rds("db", "9.2.0"), rds("db2", "v9.1.9")] }),
    ];
    const pinned = (params: Record<string, string>) => queryInventory(pins, parseInventoryQuery(params), ctx).rows.map((r) => r.name);
    expect(pinned({ module: "rds-instance", below: "9.2.0" })).toEqual(["mixed", "old"]);
    expect(pinned({ module: "rds-instance", below: "not a version" })).toHaveLength(5);
    expect(parseInventoryQuery({ module: "sqs", below: "5.1.2", missingTag: "service-area" })).toMatchObject({ below: "5.1.2", missingTag: "service-area" });
    expect(inventoryQueryString(parseInventoryQuery({ module: "sqs", below: "5.1.2", missingTag: "service-area" }))).toBe(
      "?module=sqs&below=5.1.2&missingTag=service-area",
    );

    const tagged = [
      ns("all", { awsProviders: [{ alias: null, tags: ["owner", "service-area"] }] }),
      ns("london-lacks", {
        awsProviders: [
          { alias: null, tags: ["service-area"] },
          { alias: "london", tags: [] },
        ],
      }),
      ns("expression", { awsProviders: [{ alias: null, tags: null }] }),
      ns("no-providers", { awsProviders: [] }),
      ns("never-read", {}),
    ];
    const missing = (tag: string) => queryInventory(tagged, parseInventoryQuery({ missingTag: tag }), ctx).rows.map((r) => r.name);
    expect(missing("service-area")).toEqual(["london-lacks"]);
    expect(missing("owner")).toEqual(["london-lacks"]);
    expect(missing("colour")).toEqual(["all", "london-lacks"]);
  });

  it("searches name, application, team and owner case-insensitively", () => {
    expect(names({ q: "BRAV" })).toEqual(["bravo"]);
    expect(names({ q: "charlie app" })).toEqual(["charlie"]);
    expect(names({ q: "laa-cr" })).toEqual(["alpha"]);
    expect(names({ q: "delta squad" })).toEqual(["delta"]);
  });

  it("applies flags", () => {
    expect(names({ flag: "overdue" })).toEqual(["bravo"]);
    expect(names({ flag: "lagging" })).toEqual(["charlie"]);
    expect(names({ flag: "lagging", module: "rds-instance" })).toEqual(["charlie"]);
    expect(names({ flag: "lagging", module: "sqs" })).toEqual([]);
    expect(names({ flag: "problems" })).toEqual(["delta", "echo"]);
    expect(names({ flag: "errors" })).toEqual(["delta"]);
    expect(names({ flag: "warnings" })).toEqual(["echo"]);
    expect(names({ flag: "skip-apply" })).toEqual(["echo"]);
  });

  it("does not count a disabled (count = 0) block as a use: module filter, lagging flag, module count", () => {
    const replica = { name: "replica", module: "rds-instance", source: "x", ref: "8.0.0", file: "resources/rds.tf", disabled: true };
    const withReplica = [...all, ns("foxtrot", { modules: [replica] })];
    const pick = (params: Record<string, string>) => queryInventory(withReplica, parseInventoryQuery(params), ctx).rows.map((r) => r.name);
    expect(pick({ module: "rds-instance" })).toEqual(["charlie"]);
    expect(pick({ flag: "lagging" })).toEqual(["charlie"]);
    expect(pick({ sort: "modules", dir: "desc" }).slice(0, 2)).toEqual(["charlie", "alpha"]);
  });

  it("sorts and pages stably", () => {
    expect(names({ sort: "name", dir: "desc" })).toEqual(["echo", "delta", "charlie", "bravo", "alpha"]);
    expect(names({ sort: "businessUnit" })).toEqual(["bravo", "charlie", "echo", "delta", "alpha"]);
    const page = run({ pageSize: "2", page: "3" });
    expect(page).toMatchObject({ total: 5, pages: 3, page: 3 });
    expect(page.rows.map((r) => r.name)).toEqual(["echo"]);
    expect(run({ pageSize: "2", page: "99" }).page).toBe(3);
  });

  it("answers the same from its kept sort orders as from a fresh sort, query after query", () => {
    for (const sort of ["name", "cluster", "businessUnit", "environment", "application", "teams", "reviewAfter", "modules"]) {
      for (const dir of ["asc", "desc"]) {
        for (const params of [
          { sort, dir },
          { sort, dir, q: "a" },
          { sort, dir, pageSize: "2", page: "2" },
        ]) {
          const query = parseInventoryQuery(params);
          const fresh = queryInventory(
            (function* () {
              yield* all;
            })(),
            query,
            ctx,
          );
          expect(queryInventory(all, query, ctx)).toEqual(fresh);
          expect(queryInventory(all, query, ctx)).toEqual(fresh);
        }
      }
    }
    expect(names({ q: "a\nb" })).toEqual([]);
  });

  it("sorts namespaces without a review-after date last in either direction", () => {
    expect(names({ sort: "reviewAfter" })).toEqual(["bravo", "echo", "alpha", "charlie", "delta"]);
    expect(names({ sort: "reviewAfter", dir: "desc" })).toEqual(["echo", "bravo", "alpha", "charlie", "delta"]);
  });

  it("filters and sorts by cluster status and unhealthy deployments", () => {
    const live = {
      alpha: { status: "live", unhealthyDeployments: 2 },
      bravo: { status: "missing", unhealthyDeployments: 0 },
      charlie: { status: "live", unhealthyDeployments: 0 },
      delta: { status: "unknown", unhealthyDeployments: 0 },
      echo: { status: "live", unhealthyDeployments: 1 },
    } as const;
    const withLive = { ...ctx, liveOf: (n: { name: string }) => live[n.name as keyof typeof live] };
    const liveNames = (params: Record<string, string>) => queryInventory(all, parseInventoryQuery(params), withLive).rows.map((r) => r.name);
    expect(liveNames({ status: "live" })).toEqual(["alpha", "charlie", "echo"]);
    expect(liveNames({ status: "missing" })).toEqual(["bravo"]);
    expect(liveNames({ flag: "unhealthy" })).toEqual(["alpha", "echo"]);
    expect(liveNames({ sort: "status" })).toEqual(["alpha", "charlie", "echo", "bravo", "delta"]);
    expect(liveNames({ sort: "unhealthy", dir: "desc" })).toEqual(["alpha", "echo", "bravo", "charlie", "delta"]);
    expect(names({ status: "live" })).toEqual([]);
  });

  it("counts by business unit over all matches", () => {
    expect(run({ pageSize: "1" }).countsByBusinessUnit).toEqual({ LAA: 1, HMPPS: 4 });
  });

  it("falls back to defaults on bad values", () => {
    const q = parseInventoryQuery({ sort: "evil", dir: "up", page: "-1", pageSize: "1e9", production: "maybe" });
    expect(q).toMatchObject({ sort: "name", dir: "asc", page: 1, pageSize: 50, production: undefined });
  });

  it("drops a free-text filter over 200 characters instead of throwing", () => {
    const long = "x".repeat(201);
    const q = parseInventoryQuery(
      new URLSearchParams({ q: long, cluster: long, businessUnit: long, environment: long, team: long, module: long, sort: "cluster" }),
    );
    expect(q).toMatchObject({
      q: undefined,
      cluster: undefined,
      businessUnit: undefined,
      environment: undefined,
      team: undefined,
      module: undefined,
      sort: "cluster",
    });
    expect(parseInventoryQuery({ q: "x".repeat(200) }).q).toHaveLength(200);
  });
});

describe("inventoryQueryString", () => {
  it("round-trips and leaves out defaults", () => {
    const q = parseInventoryQuery({ q: "a b", team: "x", page: "1", sort: "cluster" });
    const text = inventoryQueryString(q);
    expect(text).toBe("?q=a+b&team=x&sort=cluster");
    expect(parseInventoryQuery(new URLSearchParams(text))).toEqual(q);
    expect(inventoryQueryString(q, { team: undefined, page: 2 })).toBe("?q=a+b&sort=cluster&page=2");
  });
});
