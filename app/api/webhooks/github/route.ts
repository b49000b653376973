import { apiRoute, readText } from "@/lib/server/http";
import { receiveWebhook } from "@/lib/server/requests/request-service";

/** GitHub's webhook deliveries: the signature is checked over the raw body, so it is read as text. Rate limited per source address. */
export const POST = apiRoute(
  "/api/webhooks/github",
  async (request, _context, services) => {
    const result = await receiveWebhook(services, {
      rawBody: await readText(request, 1024 * 1024),
      event: request.headers.get("x-github-event"),
      delivery: request.headers.get("x-github-delivery"),
      signature: request.headers.get("x-hub-signature-256"),
    });
    return Response.json(result);
  },
  { limit: "webhooks" },
);
