import { describe, expect, it } from "vitest";
import { paginate } from "./paginate";

const items = Array.from({ length: 250 }, (_, index) => index);
const at = (query: string) => new URL(`http://127.0.0.1:9/api/v3/user/teams${query}`);

describe("paginate", () => {
  it("serves 30 by default and links next and last only from the first page", () => {
    const page = paginate(items, at(""));
    expect(page.items).toEqual(items.slice(0, 30));
    expect(page.link).toBe('<http://127.0.0.1:9/api/v3/user/teams?page=2>; rel="next", <http://127.0.0.1:9/api/v3/user/teams?page=9>; rel="last"');
  });

  it("links prev, next, last, first in GitHub's order from a middle page, keeping the other parameters", () => {
    const page = paginate(items, at("?per_page=100&page=2"));
    expect(page.items).toEqual(items.slice(100, 200));
    expect(page.link).toBe(
      [
        '<http://127.0.0.1:9/api/v3/user/teams?per_page=100&page=1>; rel="prev"',
        '<http://127.0.0.1:9/api/v3/user/teams?per_page=100&page=3>; rel="next"',
        '<http://127.0.0.1:9/api/v3/user/teams?per_page=100&page=3>; rel="last"',
        '<http://127.0.0.1:9/api/v3/user/teams?per_page=100&page=1>; rel="first"',
      ].join(", "),
    );
  });

  it("caps per_page at 100 and has no next on the last page", () => {
    const page = paginate(items, at("?page=3&per_page=500"));
    expect(page.items).toEqual(items.slice(200));
    expect(page.link).toBe(
      '<http://127.0.0.1:9/api/v3/user/teams?page=2&per_page=500>; rel="prev", <http://127.0.0.1:9/api/v3/user/teams?page=1&per_page=500>; rel="first"',
    );
  });

  it("sends no Link header when everything fits on one page", () => {
    expect(paginate([1, 2], at("?per_page=5"))).toEqual({ items: [1, 2] });
  });
});
