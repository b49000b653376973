/** Who is looking: a signed-in member of the organisation, with the GitHub teams they belong to. */
export interface Viewer {
  sessionId: string;
  login: string;
  name: string;
  kind: "github" | "local";
  /** GitHub team slugs in the organisation. */
  teams: string[];
  /** A member of one of the configured platform reviewer teams. */
  reviewer: boolean;
}
