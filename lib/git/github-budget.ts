import type { GitHubCall } from "./observe-github";

/** Where one GitHub rate-limit resource (core, graphql, ...) stood at its last answer. */
export interface RateWindow {
  resource: string;
  remaining: number;
  /** When GitHub refills it. */
  resetAt: Date;
}

export interface BudgetState {
  /** True while some resource is below the reserve before its reset: background reads wait, user actions go on. */
  backgroundPaused: boolean;
  reserve: number;
  windows: RateWindow[];
}

export type GitHubBudget = ReturnType<typeof createGitHubBudget>;

/**
 * The bot's GitHub rate limit as its answers report it (x-ratelimit-remaining,
 * -reset, -resource on every REST and GraphQL answer). Below `reserve` calls
 * left, background reads (the poller, refreshes) stop until the window resets,
 * so what remains is spent on what people do: submitting, reviewing, merging.
 * Note: user tokens have limits of their own and are not counted here.
 */
export function createGitHubBudget(options: { reserve: number; now: () => Date }) {
  const windows = new Map<string, RateWindow>();

  const live = () => [...windows.values()].filter((w) => w.resetAt.getTime() > options.now().getTime());

  return {
    observe(call: Pick<GitHubCall, "rateLimitRemaining" | "rateLimitReset" | "rateLimitResource">): void {
      if (call.rateLimitRemaining === null || !Number.isFinite(call.rateLimitRemaining) || call.rateLimitReset === null) return;
      const resource = call.rateLimitResource ?? "core";
      windows.set(resource, { resource, remaining: call.rateLimitRemaining, resetAt: new Date(call.rateLimitReset * 1000) });
    },
    backgroundPaused(): boolean {
      return live().some((w) => w.remaining < options.reserve);
    },
    state(): BudgetState {
      const current = live();
      return { backgroundPaused: current.some((w) => w.remaining < options.reserve), reserve: options.reserve, windows: current };
    },
  };
}
