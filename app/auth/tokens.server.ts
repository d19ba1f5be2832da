// Random identifiers and secrets, and their hashes. Only hashes of secrets are stored.
import crypto from "node:crypto";

/** 160 random bits, URL-safe. */
export function randomToken(): string {
  return crypto.randomBytes(20).toString("base64url");
}

/** SHA-256 as hex: how secrets are stored. */
export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

/** Compares two hex digests without leaking where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && crypto.timingSafeEqual(left, right);
}

/** A session token is `<id>.<secret>`; anything else is not a token. */
export function parseSessionToken(token: string | undefined | null): { id: string; secret: string } | null {
  if (!token) return null;
  const match = /^([A-Za-z0-9_-]{20,64})\.([A-Za-z0-9_-]{20,64})$/.exec(token);
  const [, id, secret] = match ?? [];
  return id && secret ? { id, secret } : null;
}
