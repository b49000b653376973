import { errorBody, notFound, type RestOperation } from "./rest-operation";

const docs = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";

/**
 * GitHub App endpoints. These are called with the App's JWT, not a token: the
 * dispatcher verifies it (`authentication: "app"`) before the handler runs.
 */
export const appOperations: RestOperation[] = [
  {
    method: "POST",
    path: "/app/installations/{installation_id}/access_tokens",
    operationId: "apps/create-installation-access-token",
    acceptedScopes: [],
    authentication: "app",
    documentationUrl: docs,
    handle(request) {
      const app = request.app;
      if (!app || request.params.installation_id !== String(app.installationId)) {
        return { status: 404, body: errorBody(404, "Not Found", request.documentationUrl) };
      }
      const expiresAt = Math.floor(request.now() / 1000 + app.tokenLifetimeSeconds) * 1000;
      const token = request.state.issueInstallationToken(app.botLogin, expiresAt);
      return {
        status: 201,
        body: {
          token: token.token,
          expires_at: new Date(expiresAt).toISOString().replace(".000Z", "Z"),
          permissions: { contents: "write", pull_requests: "write", metadata: "read", checks: "read" },
          repository_selection: "selected",
        },
      };
    },
  },
  {
    method: "DELETE",
    path: "/installation/token",
    operationId: "apps/revoke-installation-access-token",
    acceptedScopes: [],
    documentationUrl: "https://docs.github.com/rest/apps/installations#revoke-an-installation-access-token",
    handle(request) {
      // Only an installation token revokes itself (GitHub describes no answer for other tokens; the fake's is its usual 404).
      if (request.token.expiresAt === undefined) return notFound(request);
      request.state.revokeToken(request.token.token);
      return { status: 204 };
    },
  },
];
