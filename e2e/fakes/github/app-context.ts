import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** The one GitHub App the fake knows, installed on its organisation. */
export interface FakeAppOptions {
  /** The App's id: the `iss` of its JWTs. */
  id: number;
  /** The App's public key (PEM): JWTs must be RS256-signed with its private key. */
  publicKey: string;
  installationId: number;
  /** Its bot is `<slug>[bot]`; default `berth-app`. */
  slug?: string;
  /** How long an installation token lives; GitHub's is an hour (3600, the default). */
  tokenLifetimeSeconds?: number;
}

export interface AppContext {
  readonly id: number;
  readonly installationId: number;
  readonly botLogin: string;
  /** Changed by `PUT /_fake/app/token-lifetime`. */
  tokenLifetimeSeconds: number;
  /** Why a JWT is refused, in GitHub's words; null when it is good. */
  checkJwt(jwt: string, nowMs: number): string | null;
}

const NOT_DECODED = "A JSON web token could not be decoded";
const EXPIRED = "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const TOO_LONG = "'Expiration time' claim ('exp') is too far in the future";
const BAD_IAT = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
/** GitHub allows a JWT at most ten minutes of life, and some skew on `iat`. */
const MAX_LIFETIME_SECONDS = 600;
const IAT_SKEW_SECONDS = 60;

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createAppContext(options: FakeAppOptions): AppContext {
  const publicKey: KeyObject = createPublicKey(options.publicKey);
  return {
    id: options.id,
    installationId: options.installationId,
    botLogin: `${options.slug ?? "berth-app"}[bot]`,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    checkJwt(jwt, nowMs) {
      const parts = jwt.split(".");
      if (parts.length !== 3) return NOT_DECODED;
      const [headerPart = "", payloadPart = "", signature = ""] = parts;
      const header = decodePart(headerPart);
      const payload = decodePart(payloadPart);
      if (!header || !payload || header.alg !== "RS256") return NOT_DECODED;
      const signed = verify("RSA-SHA256", Buffer.from(`${headerPart}.${payloadPart}`), publicKey, Buffer.from(signature, "base64url"));
      // Note: GitHub takes the App's id as a number or a string; anything else is another App's token.
      if (!signed || String(payload.iss) !== String(options.id)) return NOT_DECODED;
      const now = Math.floor(nowMs / 1000);
      const { iat, exp } = payload;
      if (!Number.isInteger(iat) || (iat as number) > now + IAT_SKEW_SECONDS) return BAD_IAT;
      if (!Number.isInteger(exp) || (exp as number) <= now) return EXPIRED;
      if ((exp as number) - (iat as number) > MAX_LIFETIME_SECONDS) return TOO_LONG;
      return null;
    },
  };
}
