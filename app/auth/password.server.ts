import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX } from "./password";

// argon2id with at least the OWASP minimum: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  if ([...password].length > PASSWORD_MAX) throw new Error("password too long to hash");
  return hash(password, OPTIONS);
}

// Verified against when the e-mail is unknown, so that both cases take as long.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Over-long input is rejected before any hashing work.
  if ([...password].length > PASSWORD_MAX) return false;
  if (!passwordHash) {
    dummyHash ??= hash("gilde-dummy-password", OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
