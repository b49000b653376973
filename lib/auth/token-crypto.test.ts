import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken } from "./token-crypto";

describe("token encryption", () => {
  const secret = "s".repeat(32);
  it("round-trips and never stores the token in clear", () => {
    const sealed = encryptToken("gho_secret123", secret);
    expect(sealed).not.toContain("gho_secret123");
    expect(decryptToken(sealed, secret)).toBe("gho_secret123");
    expect(encryptToken("gho_secret123", secret)).not.toBe(sealed);
  });
  it("refuses another secret or a tampered value", () => {
    const sealed = encryptToken("gho_x", secret);
    expect(decryptToken(sealed, "t".repeat(32))).toBeNull();
    expect(decryptToken(sealed.slice(0, -2) + "AA", secret)).toBeNull();
    expect(decryptToken("garbage", secret)).toBeNull();
  });
});
