// Random identifiers and secrets, and their hashes. Only hashes of secrets are stored.
import crypto from "node:crypto";

/** 160 random bits, URL-safe. */
export function randomToken(): string {
  return crypto.randomBytes(20).toString("base64url");
}

export function sha256(value: string): Buffer {
  return crypto.createHash("sha256").update(value).digest();
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** A session token is `<id>.<secret>`; anything else is not a token. */
export function parseSessionToken(token: string | undefined | null): { id: string; secret: string } | null {
  if (!token) return null;
  const match = /^([A-Za-z0-9_-]{20,64})\.([A-Za-z0-9_-]{20,64})$/.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}
