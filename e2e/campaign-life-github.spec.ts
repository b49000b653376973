import { campaignLifeTests } from "./fixtures/campaign-life";
import { githubProvider } from "./fixtures/edit-life";

// A campaign end to end with the GitHub provider: one pull request per namespace on the fake GitHub.
campaignLifeTests(githubProvider);
