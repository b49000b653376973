import { refreshViewer } from "@/lib/server/current-viewer";
import { mutationRoute } from "@/lib/server/http";
import { AppError } from "@/lib/errors";

/** Re-reads the signed-in user's teams from GitHub now (the page's "Refresh my teams"). */
export const POST = mutationRoute("/api/me/teams", async () => {
  const viewer = await refreshViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to use Berth");
  return Response.json({ login: viewer.login, teams: viewer.teams, reviewer: viewer.reviewer });
});
