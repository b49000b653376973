import { readText, respond } from "@/lib/server/http";
import { receiveWebhook } from "@/lib/server/requests/request-service";

/** GitHub's webhook deliveries: the signature is checked over the raw body, so it is read as text. */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const result = await receiveWebhook({
      rawBody: await readText(request, 1024 * 1024),
      event: request.headers.get("x-github-event"),
      delivery: request.headers.get("x-github-delivery"),
      signature: request.headers.get("x-hub-signature-256"),
    });
    return Response.json(result);
  });
}
