import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { controlSequences, payloadProblem, startFakeSlack, type FakeSlack } from "@/e2e/fakes/slack/start-fake-slack";
import type { RequestNotice } from "./slack-message";
import { createSlackNotifier } from "./slack-notifier";

let slack: FakeSlack;
beforeEach(async () => {
  slack = await startFakeSlack();
});
afterEach(() => slack.close());

const notice = (overrides: Partial<RequestNotice> = {}): RequestNotice => ({
  event: "submitted",
  request: { id: "abc123", kind: "namespace", cluster: "live", namespace: "my-app-dev", team: "team-a", requester: "alice" },
  actor: "alice",
  note: null,
  ...overrides,
});

describe("the Slack notifier, against a server that checks Slack's incoming-webhook format", () => {
  it("sends text and blocks Slack accepts, linking to the request on Berth", async () => {
    await createSlackNotifier({ url: slack.url, publicUrl: "https://berth.example.org/" }).notify(notice());
    expect(slack.refused).toEqual([]);
    const [message] = slack.messages;
    expect(message!.text).toContain("New namespace my-app-dev on live was submitted");
    expect(controlSequences(message!.text)).toEqual(["https://berth.example.org/requests/abc123|request abc123"]);
    expect(message!.blocks!.map((b) => (b as { type: string }).type)).toEqual(["section", "context"]);
  });

  it("escapes user text: a comment or login cannot add a link or a mention", async () => {
    const hostile = "see <https://evil.example|your bank> & <!channel> <@U123> > done";
    for (const event of ["changes_requested", "approved", "merged", "applied"] as const)
      await createSlackNotifier({ url: slack.url, publicUrl: null }).notify(notice({ event, actor: "<!here>", note: hostile }));
    expect(slack.refused).toEqual([]);
    expect(slack.messages).toHaveLength(4);
    for (const message of slack.messages) {
      const texts = [message.text, ...JSON.stringify(message.blocks).match(/"text":"[^"]*"/g)!];
      for (const text of texts) expect(controlSequences(text)).toEqual([]);
      expect(JSON.stringify(message.blocks)).toContain("&lt;https://evil.example|your bank&gt; &amp; &lt;!channel&gt; &lt;@U123&gt; &gt; done");
    }
  });

  it("the fake refuses what Slack refuses, so the tests above can fail", () => {
    expect(payloadProblem({ text: "" })).toMatch(/^invalid_payload/);
    expect(payloadProblem({ text: "a <b" })).toMatch(/unescaped/);
    expect(payloadProblem({ text: "a & b" })).toMatch(/unescaped &/);
    expect(payloadProblem({ text: "ok", blocks: [{ type: "banner" }] })).toMatch(/unknown block type/);
    expect(payloadProblem({ text: "ok", blocks: [{ type: "section", text: { type: "markdown", text: "x" } }] })).toMatch(/^invalid_blocks/);
    expect(payloadProblem({ text: "ok", blocks: [{ type: "section", text: { type: "mrkdwn", text: "<!channel> & co" } }] })).toMatch(/unescaped &/);
  });

  it("throws on a refusal without the webhook URL (a secret) in the error", async () => {
    const notifier = createSlackNotifier({ url: slack.url.replace("secret-token", "wrong-token"), publicUrl: null });
    const error = await notifier.notify(notice()).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe("Slack answered 404: no_service");
    expect(error!.message).not.toContain("token");
    await slack.close();
    const down = await createSlackNotifier({ url: slack.url, publicUrl: null, timeoutMs: 2000 })
      .notify(notice())
      .catch((e: unknown) => e as Error);
    expect(down!.message).not.toContain(slack.url);
    slack = await startFakeSlack();
  });
});
