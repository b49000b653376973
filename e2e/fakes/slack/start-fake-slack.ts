import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Slack incoming webhook as a real HTTP server: it accepts what Slack
 * accepts (POST, a JSON object with a non-empty `text`, optional `blocks` of
 * known block types with mrkdwn or plain_text text objects, mrkdwn whose
 * `&`, `<` and `>` are escaped except in well-formed control sequences) and
 * answers 400 `invalid_payload` / `invalid_blocks` otherwise, as Slack does.
 */

const BLOCK_TYPES = new Set(["section", "context", "divider", "header", "actions", "image", "rich_text"]);
/** `<https://…|label>`, `<@U123>`, `<#C123>`, `<!here>`: the sequences Slack turns into links and mentions. */
const CONTROL = /<([^<>]*)>/g;

export interface FakeSlack {
  url: string;
  /** Every message accepted, in order. */
  messages: { text: string; blocks?: unknown[] }[];
  /** What each refused body was refused for. */
  refused: string[];
  close(): Promise<void>;
}

/** Links and mentions a mrkdwn text makes: the inside of each `<…>`. */
export function controlSequences(text: string): string[] {
  return [...text.matchAll(CONTROL)].map((m) => m[1]!);
}

function mrkdwnProblem(text: string): string | null {
  // A > opening a line is a block quote, the one place mrkdwn takes it unescaped.
  const outside = text.replace(CONTROL, "").replace(/^>/gm, "");
  if (/[<>]/.test(outside)) return "an unescaped < or >";
  if (/&(?!amp;|lt;|gt;)/.test(outside)) return "an unescaped &";
  return null;
}

function textObjectProblem(value: unknown): string | null {
  const t = value as { type?: unknown; text?: unknown };
  if (!t || (t.type !== "mrkdwn" && t.type !== "plain_text") || typeof t.text !== "string" || t.text.length === 0 || t.text.length > 3000)
    return "a text object needs type mrkdwn or plain_text and 1-3000 characters of text";
  return t.type === "mrkdwn" ? mrkdwnProblem(t.text) : null;
}

export function payloadProblem(body: unknown): string | null {
  const payload = body as { text?: unknown; blocks?: unknown };
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return "invalid_payload: not a JSON object";
  if (typeof payload.text !== "string" || payload.text.trim() === "") return "invalid_payload: no text";
  const problem = mrkdwnProblem(payload.text);
  if (problem) return `invalid_payload: text has ${problem}`;
  if (payload.blocks === undefined) return null;
  if (!Array.isArray(payload.blocks) || payload.blocks.length > 50) return "invalid_blocks: blocks must be an array of at most 50";
  for (const block of payload.blocks as { type?: unknown; text?: unknown; elements?: unknown }[]) {
    if (!block || typeof block.type !== "string" || !BLOCK_TYPES.has(block.type)) return `invalid_blocks: unknown block type ${String(block?.type)}`;
    if (block.type === "section") {
      const p = textObjectProblem(block.text);
      if (p) return `invalid_blocks: section: ${p}`;
    }
    if (block.type === "context") {
      if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) return "invalid_blocks: context needs 1-10 elements";
      for (const element of block.elements) {
        const p = textObjectProblem(element);
        if (p) return `invalid_blocks: context: ${p}`;
      }
    }
  }
  return null;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeSlack(path = "/services/T000/B000/secret-token"): Promise<FakeSlack> {
  const messages: FakeSlack["messages"] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const answer = (status: number, text: string) => response.writeHead(status, { "content-type": "text/plain" }).end(text);
      if (request.url !== path) return answer(404, "no_service");
      if (request.method !== "POST") return answer(405, "invalid_method");
      if (!String(request.headers["content-type"]).startsWith("application/json")) return answer(400, "invalid_payload");
      let body: unknown;
      try {
        body = JSON.parse(await bodyOf(request));
      } catch {
        refused.push("invalid_payload: not JSON");
        return answer(400, "invalid_payload");
      }
      const problem = payloadProblem(body);
      if (problem) {
        refused.push(problem);
        return answer(400, problem.split(":")[0]!);
      }
      messages.push(body as FakeSlack["messages"][number]);
      answer(200, "ok");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    messages,
    refused,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
