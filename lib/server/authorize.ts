import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

/** Turns a policy answer into the right error: 401 for anonymous, 403 for a signed-in viewer who may not. */
export function authorize(viewer: Viewer | null, allowed: boolean): asserts viewer is Viewer {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to use Berth");
  if (!allowed) throw new AppError("forbidden", "You do not have permission to do this");
}
