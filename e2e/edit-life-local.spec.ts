import { editLifeTests, localProvider } from "./fixtures/edit-life";

// Every edit operation end to end with the local git provider: branches and merges in Berth's own repository.
editLifeTests(localProvider);
