import { canReview } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { getViewer } from "@/lib/server/current-viewer";
import { apiRoute } from "@/lib/server/http";
import { reviewCountFor } from "@/lib/server/requests/request-service";

/** How many requests wait for reviewers; polled by the navigation of a reviewer's pages. */
export const GET = apiRoute("/api/reviews/count", async (_request, _context, services) => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in first");
  // Note: the count of open requests is for reviewers only, as the queue is.
  if (!canReview(viewer)) throw new AppError("forbidden", "Only platform reviewers see the review queue");
  return Response.json({ count: await reviewCountFor(services, viewer) }, { headers: { "cache-control": "no-store" } });
});
