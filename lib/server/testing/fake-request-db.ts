import type { Db } from "@/lib/db/create-db";
import { namespaceRequestFixture } from "@/lib/environments/testing/namespace-request-fixture";

/** A row of the requests table, as Prisma returns it. */
export interface RequestRow {
  id: string;
  kind: string;
  state: string;
  cluster: string;
  namespace: string;
  team: string;
  requester: string;
  answers: unknown;
  files: unknown;
  branch: string;
  prNumber: number | null;
  prUrl: string | null;
  prHeadRepo: string | null;
  headSha: string | null;
  pushedSha: string | null;
  prUpdatedAt: Date | null;
  prSnapshot: unknown;
  prFetchedAt: Date | null;
  failure: string | null;
  review: unknown;
  attempts: number;
  revisedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRow {
  requestId: string;
  fromState: string | null;
  toState: string;
  actor: string;
  note: string | null;
  files?: unknown;
  sha?: string | null;
}

/** Test fixture: a namespace request by alice of team-a, open for review unless overridden. */
export function requestRow(id: string, overrides: Partial<RequestRow> = {}): RequestRow {
  const at = new Date("2026-05-30T00:00:00Z");
  return {
    id,
    kind: "namespace",
    state: "pr_open",
    cluster: "live",
    namespace: `ns-${id}`,
    team: "team-a",
    requester: "alice",
    answers: namespaceRequestFixture({ name: `ns-${id}`, team: "team-a" }),
    files: [],
    branch: `berth/${id}`,
    prNumber: null,
    prUrl: null,
    prHeadRepo: null,
    headSha: null,
    pushedSha: null,
    prUpdatedAt: null,
    prSnapshot: null,
    prFetchedAt: null,
    failure: null,
    review: null,
    attempts: 1,
    revisedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Prisma's where: equality, `{ in: [...] }`, `{ not: value }` and `OR`; anything else throws rather than guessing. */
function matches(row: RequestRow, where: Record<string, unknown> = {}): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (key === "OR") return (value as Record<string, unknown>[]).some((alternative) => matches(row, alternative));
    const field = row[key as keyof RequestRow];
    if (value === null || typeof value !== "object") return field === value;
    const filter = value as Record<string, unknown>;
    if (Object.keys(filter).length === 1 && Array.isArray(filter.in)) return filter.in.includes(field);
    if (Object.keys(filter).length === 1 && "not" in filter) return field !== filter.not;
    throw new Error(`fake request db: unsupported filter on ${key}: ${JSON.stringify(value)}`);
  });
}

type Select = Record<string, unknown>;

/**
 * Prisma's select: the row's own columns set to true, and `_count: { select: { events: true } }`; anything else
 * (a relation, a column the table lacks) throws rather than guessing. No select: the whole row.
 */
function selected(row: RequestRow, events: EventRow[], select: Select | undefined): Record<string, unknown> {
  if (!select) return { ...row };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(select)) {
    if (key === "_count" && JSON.stringify(value) === JSON.stringify({ select: { events: true } }))
      out._count = { events: events.filter((e) => e.requestId === row.id).length };
    else if (key in row && value === true) out[key] = row[key as keyof RequestRow];
    else throw new Error(`fake request db: unsupported select of ${key}: ${JSON.stringify(value)}`);
  }
  return out;
}

/**
 * Test fake: the requests table in memory, with only what the request
 * use-cases call (request.findMany and findFirst with the filters of
 * matches(), orderBy createdAt or updatedAt and take; request.findUnique; the select of selected(); request.create,
 * with nested events; request.update, with `increment`; request.updateMany; requestEvent.create;
 * webhookDelivery.create (unique id and digest) and delete; $executeRaw, recorded but not run;
 * $transaction). Any other method is
 * undefined, so a use-case that starts using one fails its test rather than
 * passing on a guess; real-PostgreSQL tests cover the queries themselves.
 */
export function fakeRequestDb(rows: RequestRow[] = []) {
  // Rows go in and out as copies, as they would through a real client.
  const requests = new Map(rows.map((row) => [row.id, { ...row }]));
  const events: EventRow[] = [];
  const rawStatements: { sql: string; values: unknown[] }[] = [];
  const deliveries = new Map<string, string>();
  const digests = new Map<string, string>();
  const fake = {
    requests,
    events,
    request: {
      findMany: async (
        args: { where?: Record<string, unknown>; orderBy?: { createdAt: "asc" | "desc" } | { updatedAt: "asc" | "desc" }; take?: number; select?: Select } = {},
      ) => {
        const found = [...requests.values()].filter((row) => matches(row, args.where));
        if (args.orderBy) {
          const [key, direction] = Object.entries(args.orderBy)[0] as ["createdAt" | "updatedAt", "asc" | "desc"];
          const sign = direction === "desc" ? -1 : 1;
          found.sort((a, b) => sign * (a[key].getTime() - b[key].getTime()));
        }
        return found.slice(0, args.take ?? found.length).map((row) => selected(row, events, args.select));
      },
      findFirst: async (args: { where?: Record<string, unknown>; select?: Select } = {}) => {
        const row = [...requests.values()].find((candidate) => matches(candidate, args.where));
        return row ? selected(row, events, args.select) : null;
      },
      create: async (args: { data: Partial<RequestRow> & { id: string; events?: { create: Omit<EventRow, "requestId"> } } }) => {
        const { events: nested, ...data } = args.data;
        if (requests.has(data.id)) throw new Error(`fake request db: request ${data.id} exists`);
        const row = { ...requestRow(data.id), prNumber: null, prUrl: null, headSha: null, failure: null, review: null, attempts: 0, ...data };
        requests.set(row.id, row);
        if (nested) events.push({ requestId: row.id, ...nested.create });
        return { ...row };
      },
      findUnique: async (args: { where: { id: string }; include?: { events?: unknown }; select?: Select }) => {
        const row = requests.get(args.where.id);
        if (!row) return null;
        return args.include?.events
          ? { ...row, events: events.filter((e) => e.requestId === row.id).map((e) => ({ ...e, createdAt: row.updatedAt })) }
          : selected(row, events, args.select);
      },
      update: async (args: { where: { id: string }; data: Record<string, unknown> }) => {
        const row = requests.get(args.where.id);
        if (!row) throw new Error(`fake request db: no request ${args.where.id}`);
        for (const [key, value] of Object.entries(args.data)) {
          const increment = value !== null && typeof value === "object" && "increment" in value ? (value as { increment: number }).increment : null;
          Object.assign(row, { [key]: increment === null ? value : (row[key as keyof RequestRow] as number) + increment });
        }
        return { ...row };
      },
      updateMany: async (args: { where?: Record<string, unknown>; data: Record<string, unknown> }) => {
        const found = [...requests.values()].filter((row) => matches(row, args.where));
        for (const row of found) Object.assign(row, args.data);
        return { count: found.length };
      },
    },
    requestEvent: {
      create: async (args: { data: EventRow }) => {
        events.push(args.data);
        return args.data;
      },
      /** Only `{ requestId, sha: { not: null } }`: a request's revisions. */
      count: async (args: { where: { requestId: string; sha: { not: null } } }) =>
        events.filter((e) => e.requestId === args.where.requestId && e.sha !== undefined && e.sha !== null).length,
    },
    /**
     * Webhook deliveries seen, by id, and their payload digests; a second create with the same id or digest fails as
     * PostgreSQL's unique indexes do (P2002).
     */
    deliveries,
    webhookDelivery: {
      create: async (args: { data: { id: string; event: string; digest?: string } }) => {
        if (deliveries.has(args.data.id)) throw Object.assign(new Error("Unique constraint failed on the fields: (`id`)"), { code: "P2002" });
        const digest = args.data.digest;
        if (digest !== undefined && [...digests.values()].includes(digest))
          throw Object.assign(new Error("Unique constraint failed on the fields: (`digest`)"), { code: "P2002" });
        deliveries.set(args.data.id, args.data.event);
        if (digest !== undefined) digests.set(args.data.id, digest);
        return args.data;
      },
      delete: async (args: { where: { id: string } }) => {
        digests.delete(args.where.id);
        if (!deliveries.delete(args.where.id)) throw Object.assign(new Error("Record to delete does not exist."), { code: "P2025" });
        return { id: args.where.id };
      },
    },
    /** Raw SQL is not run: each statement's text and values are kept, for tests to assert on (an advisory lock, say). */
    rawStatements,
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      rawStatements.push({ sql: strings.join("?"), values });
      return 0;
    },
    $transaction: async <T>(work: (tx: Db) => Promise<T>) => work(db),
  };
  // Note: cast because only the methods above exist; see the comment of this function.
  const db = fake as unknown as Db;
  return Object.assign(fake, { db });
}
