import { Ajv } from "ajv";
import addFormats from "ajv-formats";

/**
 * GitHub's OAuth web flow is not in the REST description, so these schemas
 * follow its documentation instead:
 * https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#web-application-flow
 * and the token errors page linked from each error body.
 */
const schemas = {
  authorizeRequest: {
    type: "object",
    required: ["client_id"],
    properties: {
      client_id: { type: "string", minLength: 1 },
      redirect_uri: { type: "string", format: "uri" },
      login: { type: "string" },
      scope: { type: "string" },
      state: { type: "string" },
      allow_signup: { enum: ["true", "false"] },
      prompt: { enum: ["select_account"] },
      code_challenge: { type: "string", minLength: 43, maxLength: 128 },
      code_challenge_method: { enum: ["S256", "plain"] },
    },
  },
  accessTokenRequest: {
    type: "object",
    required: ["client_id", "client_secret", "code"],
    properties: {
      client_id: { type: "string", minLength: 1 },
      client_secret: { type: "string" },
      code: { type: "string" },
      redirect_uri: { type: "string", format: "uri" },
      repository_id: { type: "string" },
      code_verifier: { type: "string" },
      // Sent by standard OAuth clients (openid-client under next-auth); GitHub ignores it.
      grant_type: { const: "authorization_code" },
    },
  },
  accessTokenResponse: {
    oneOf: [
      {
        type: "object",
        additionalProperties: false,
        required: ["access_token", "token_type", "scope"],
        properties: {
          access_token: { type: "string", pattern: "^gho_[A-Za-z0-9]{36}$" },
          token_type: { const: "bearer" },
          scope: { type: "string", pattern: "^([a-z_:]+(,[a-z_:]+)*)?$" },
        },
      },
      {
        type: "object",
        additionalProperties: false,
        required: ["error", "error_description", "error_uri"],
        properties: {
          error: { enum: ["bad_verification_code", "incorrect_client_credentials", "redirect_uri_mismatch", "unverified_user_email"] },
          error_description: { type: "string" },
          error_uri: { type: "string", format: "uri" },
        },
      },
    ],
  },
} as const;

export type OAuthSchema = keyof typeof schemas;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));

/** Problems with an OAuth request or response; empty when it matches GitHub's documentation. */
export function checkOAuth(name: OAuthSchema, value: unknown): string[] {
  const validate = validators[name]!;
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${name}: ${error.instancePath || "(body)"} ${error.message ?? "is invalid"}`);
}
