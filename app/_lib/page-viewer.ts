import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/current-viewer";
import type { Viewer } from "@/lib/auth/viewer";

/** For pages: the signed-in viewer, or a redirect to sign in (a stale cookie, an ended session). */
export async function pageViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
