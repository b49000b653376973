import type { Viewer } from "@/lib/auth/viewer";
import type { Campaign } from "@/lib/db/generated/client";
import { editOperations } from "@/lib/environments/edit/operations";
import { loadNamespaceFolders } from "@/lib/environments/repository/load-namespace-folders";
import { isoDate } from "../clock";
import { editDeps } from "../requests/edit-request-service";
import { submitEditRequest } from "../requests/submit-edit-request";
import type { ClosePullRequest } from "../requests/withdraw-request";
import type { Services } from "../services";
import { cancelCampaign } from "./cancel-campaign";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import { listCampaigns } from "./list-campaigns";
import { pauseCampaign } from "./pause-campaign";
import type { CampaignPreviewDeps } from "./prepare-campaign";
import { previewCampaignDiff } from "./preview-campaign-diff";
import { previewCampaignTargets } from "./preview-campaign-targets";
import { resumeCampaign } from "./resume-campaign";
import { retryCampaignTarget } from "./retry-campaign-target";
import { runCampaigns, type CampaignTick } from "./run-campaigns";

/** The campaign use-cases as routes, pages and the background runner call them (their wiring, as request-service.ts is for requests). */

type PreviewServices = Pick<Services, "db" | "env" | "profile" | "inventory" | "clusters" | "clock"> & { git?: Pick<Services["git"], "teams"> };

async function previewDeps(deps: PreviewServices) {
  const edit = await editDeps(deps, editOperations);
  const snapshot = await deps.inventory.snapshot();
  const preview: CampaignPreviewDeps & { readFile: typeof edit.readFile } = {
    profile: edit.profile,
    operations: edit.operations,
    snapshot,
    loadFolder: edit.loadFolder,
    // The records are the snapshot's, at its commit: each folder keeps its record rather than parsing its YAML again.
    loadFolders: (commit, records) =>
      loadNamespaceFolders(deps.env.environmentsRepo, commit, records, deps.profile, { reuseRecords: commit === snapshot.commit }),
    readFile: edit.readFile,
    context: edit.context,
    teams: edit.teams,
    today: isoDate(deps.clock.now()),
  };
  return preview;
}

const closer = (deps: Pick<Services, "git">): ClosePullRequest | null => {
  const { reader } = deps.git;
  return reader ? (number, comment) => reader.closePullRequest(number, comment) : null;
};

export const campaignPreview = async (deps: PreviewServices, viewer: Viewer | null, body: unknown) =>
  previewCampaignTargets(viewer, body, await previewDeps(deps));

export const campaignDiff = async (deps: PreviewServices, viewer: Viewer | null, body: unknown) => previewCampaignDiff(viewer, body, await previewDeps(deps));

export const startCampaign = async (deps: PreviewServices, viewer: Viewer | null, body: unknown) =>
  createCampaign(viewer, body, { ...(await previewDeps(deps)), db: deps.db });

export const campaignsFor = (deps: Pick<Services, "db">, viewer: Viewer | null) => listCampaigns(deps.db, viewer);

export const campaignFor = (deps: Pick<Services, "db">, viewer: Viewer | null, id: string) => getCampaign(deps.db, viewer, id);

export const pause = (deps: Pick<Services, "db">, viewer: Viewer | null, id: string) => pauseCampaign(deps.db, viewer, id);

export const resume = (deps: Pick<Services, "db">, viewer: Viewer | null, id: string) => resumeCampaign(deps.db, viewer, id);

export const cancel = (deps: Pick<Services, "db" | "git" | "log">, viewer: Viewer | null, id: string) =>
  cancelCampaign({ db: deps.db, close: closer(deps), log: deps.log }, viewer, id);

export const retryTarget = (deps: Pick<Services, "db">, viewer: Viewer | null, id: string, body: unknown) => retryCampaignTarget(deps.db, viewer, id, body);

/**
 * The campaign's creator as the author of each of its requests. Note: only a
 * platform reviewer starts a campaign (checked then), so the turns run as a
 * member of the profile's reviewer teams, whom the platform's
 * check-permissions lets change any namespace.
 */
function creator(campaign: Campaign, reviewerTeams: readonly string[]): Viewer {
  return {
    sessionId: `campaign-${campaign.id}`,
    login: campaign.createdBy,
    name: campaign.createdBy,
    kind: "github",
    teams: [...reviewerTeams],
    reviewer: true,
  };
}

/** One tick of the runner with this process's services: the holder of the "campaigns" lease calls it (services.startBackgroundWork). */
export function runCampaignsTick(
  deps: Pick<Services, "db" | "env" | "profile" | "inventory" | "clusters" | "clock" | "git" | "draft" | "log" | "githubCost" | "syncClone">,
): Promise<CampaignTick> {
  return runCampaigns({
    db: deps.db,
    now: () => deps.clock.now(),
    maxPerMinute: deps.env.BERTH_CAMPAIGN_MAX_PRS_PER_MINUTE,
    budgetPaused: () => deps.githubCost.budget.backgroundPaused(),
    beforeTurns: async () => {
      await deps.syncClone();
      await deps.inventory.refresh();
    },
    submit: async (campaign, target) => {
      const body = { cluster: target.cluster, namespace: target.namespace, operation: campaign.operation, answers: campaign.answers };
      const edit = await editDeps(deps, editOperations);
      return submitEditRequest(creator(campaign, deps.profile.policy.reviewerTeams), body, {
        ...edit,
        db: deps.db,
        provider: deps.git.provider,
        draft: deps.draft,
        log: deps.log,
        campaign,
      });
    },
    close: closer(deps),
    log: deps.log,
  });
}
