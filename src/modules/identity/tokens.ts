import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or a link; only its SHA-256 is stored, so a database leak opens no session. */
export function createToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
