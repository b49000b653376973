/** GETs one of Berth's JSON APIs for live data, never from the browser's cache; an answer that is not 2xx is an error TanStack Query retries. */
export async function fetchLiveJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`Berth answered ${response.status}`);
  return (await response.json()) as T;
}
