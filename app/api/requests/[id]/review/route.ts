import { z } from "zod";
import { getViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, readJson, respond } from "@/lib/server/http";
import { reviewInBerth } from "@/lib/server/requests/request-service";

const body = z.object({ action: z.enum(["approve", "merge"]) });

/** Approve or merge in Berth (the local provider; on GitHub, reviews happen there). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    assertSameOrigin(request);
    const parsed = body.safeParse(await readJson(request));
    if (!parsed.success) throw new AppError("invalid_input", "Unknown review action", { action: "must be approve or merge" });
    await reviewInBerth(await getViewer(), (await params).id, parsed.data.action);
    return Response.json({ ok: true });
  });
}
