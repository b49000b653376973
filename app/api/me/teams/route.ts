import { refreshViewer } from "@/lib/auth/current-viewer";
import { assertSameOrigin, respond } from "@/lib/server/http";
import { AppError } from "@/lib/errors";

/** Re-reads the signed-in user's teams from GitHub now (the page's "Refresh my teams"). */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const viewer = await refreshViewer();
    if (!viewer) throw new AppError("unauthenticated", "Sign in to use Berth");
    return Response.json({ login: viewer.login, teams: viewer.teams, reviewer: viewer.reviewer });
  });
}
