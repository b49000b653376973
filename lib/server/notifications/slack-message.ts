/** A request event worth telling the team about, as the notifier sends it. */
export interface RequestNotice {
  event: NotifiedState;
  request: { id: string; kind: string; cluster: string; namespace: string; team: string; requester: string };
  actor: string;
  note: string | null;
}

export const NOTIFIED_STATES = ["submitted", "changes_requested", "approved", "merged", "applied"] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];

/** Slack's incoming-webhook payload: `text` (the notification's fallback) and the blocks shown. */
export interface SlackMessage {
  text: string;
  blocks: ({ type: "section"; text: { type: "mrkdwn"; text: string } } | { type: "context"; elements: { type: "mrkdwn"; text: string }[] })[];
}

/**
 * Slack's mrkdwn escaping: &, < and > are control characters (links `<url|text>`,
 * mentions `<@U123>`, `<!channel>`). Note: every user value goes through this,
 * so a namespace, login or review comment cannot add a link or ping anyone.
 */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const VERB: Record<NotifiedState, string> = {
  submitted: "was submitted",
  changes_requested: "has changes requested",
  approved: "was approved",
  merged: "was merged",
  applied: "is applied: the namespace is in its cluster",
};

function what(kind: string): string {
  return kind === "namespace" ? "New namespace" : kind === "resources" ? "AWS resources for" : `${kind.charAt(0).toUpperCase()}${kind.slice(1)} for`;
}

/** The message for one request event; `publicUrl` (Berth's own address) links to the request when set. */
export function slackMessage(notice: RequestNotice, publicUrl: string | null): SlackMessage {
  const r = notice.request;
  const subject = `${what(r.kind)} ${escapeMrkdwn(r.namespace)} on ${escapeMrkdwn(r.cluster)}`;
  const link = publicUrl
    ? `<${publicUrl.replace(/\/$/, "")}/requests/${encodeURIComponent(r.id)}|request ${escapeMrkdwn(r.id)}>`
    : `request ${escapeMrkdwn(r.id)}`;
  const headline = `${subject} ${VERB[notice.event]} (${link})`;
  const by = `by ${escapeMrkdwn(notice.actor)} · requested by ${escapeMrkdwn(r.requester)} for team ${escapeMrkdwn(r.team)}`;
  const blocks: SlackMessage["blocks"] = [{ type: "section", text: { type: "mrkdwn", text: headline } }];
  if (notice.note) blocks.push({ type: "section", text: { type: "mrkdwn", text: `>${escapeMrkdwn(notice.note.slice(0, 2000)).replace(/\n/g, "\n>")}` } });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: by }] });
  return { text: `${headline} ${by}`, blocks };
}
