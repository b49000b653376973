import { campaignLifeTests } from "./fixtures/campaign-life";
import { localProvider } from "./fixtures/edit-life";

// A campaign end to end with the local git provider: one branch per namespace in Berth's own repository.
campaignLifeTests(localProvider);
