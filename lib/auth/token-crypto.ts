import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * GitHub tokens are stored encrypted (AES-256-GCM, key derived from
 * NEXTAUTH_SECRET), so a database dump or backup does not hand out tokens.
 */
function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "berth", "github-token-at-rest", 32));
}

export function encryptToken(token: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** Null when the value was not encrypted with this secret (e.g. the secret was rotated). */
export function decryptToken(value: string, secret: string): string | null {
  const [version, iv, body, tag] = value.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
