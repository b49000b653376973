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
  failure: string | null;
  review: unknown;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EventRow {
  requestId: string;
  fromState: string | null;
  toState: string;
  actor: string;
  note: string | null;
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
    failure: null,
    review: null,
    attempts: 1,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

function matches(row: RequestRow, where: Record<string, unknown> = {}): boolean {
  return Object.entries(where).every(([key, value]) => {
    if (value !== null && typeof value === "object") throw new Error(`fake request db: only equality filters are supported (${key})`);
    return row[key as keyof RequestRow] === value;
  });
}

/**
 * Test fake: the requests table in memory, with only what transitionRequest,
 * getRequest, markAppliedRequests and mergeLocalRequest call (request.findMany
 * with equality filters, request.findUnique, request.update,
 * requestEvent.create, $transaction). Any other method is undefined, so a
 * use-case that starts using one fails its test rather than passing on a
 * guess; real-PostgreSQL tests cover the queries themselves.
 */
export function fakeRequestDb(rows: RequestRow[] = []) {
  // Rows go in and out as copies, as they would through a real client.
  const requests = new Map(rows.map((row) => [row.id, { ...row }]));
  const events: EventRow[] = [];
  const fake = {
    requests,
    events,
    request: {
      findMany: async (args: { where?: Record<string, unknown> } = {}) =>
        [...requests.values()].filter((row) => matches(row, args.where)).map((row) => ({ ...row })),
      findUnique: async (args: { where: { id: string }; include?: { events?: unknown } }) => {
        const row = requests.get(args.where.id);
        if (!row) return null;
        return args.include?.events
          ? { ...row, events: events.filter((e) => e.requestId === row.id).map((e) => ({ ...e, createdAt: row.updatedAt })) }
          : { ...row };
      },
      update: async (args: { where: { id: string }; data: Partial<RequestRow> }) => {
        const row = requests.get(args.where.id);
        if (!row) throw new Error(`fake request db: no request ${args.where.id}`);
        Object.assign(row, args.data);
        return { ...row };
      },
    },
    requestEvent: {
      create: async (args: { data: EventRow }) => {
        events.push(args.data);
        return args.data;
      },
    },
    $transaction: async <T>(work: (tx: Db) => Promise<T>) => work(db),
  };
  // Note: cast because only the methods above exist; see the comment of this function.
  const db = fake as unknown as Db;
  return Object.assign(fake, { db });
}
