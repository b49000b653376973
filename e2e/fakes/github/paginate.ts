/**
 * One page of a list the way GitHub serves it: `per_page` (default 30, at
 * most 100) and `page` (from 1), and a `Link` header in GitHub's order
 * (prev, next, last, first) built from the request's own URL, so a client
 * that follows `rel="next"` stays on whatever host and prefix it called.
 */
export function paginate<T>(items: readonly T[], requestUrl: URL): { items: T[]; link?: string } {
  const perPage = clamp(readInt(requestUrl.searchParams.get("per_page"), 30), 1, 100);
  const page = Math.max(readInt(requestUrl.searchParams.get("page"), 1), 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const pageItems = items.slice((page - 1) * perPage, page * perPage);

  const rels: Array<[string, number]> = [];
  if (page > 1) rels.push(["prev", Math.min(page - 1, lastPage)]);
  if (page < lastPage) rels.push(["next", page + 1], ["last", lastPage]);
  if (page > 1) rels.push(["first", 1]);
  if (rels.length === 0) return { items: pageItems };

  const link = rels.map(([rel, target]) => `<${pageUrl(requestUrl, target)}>; rel="${rel}"`).join(", ");
  return { items: pageItems, link };
}

function pageUrl(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl);
  url.searchParams.set("page", String(page));
  return url.toString();
}

function readInt(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback;
  return Number(raw);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
