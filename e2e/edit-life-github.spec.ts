import { editLifeTests, githubProvider } from "./fixtures/edit-life";

// Every edit operation end to end with the GitHub provider: pull requests on the fake GitHub, merged there.
editLifeTests(githubProvider);
