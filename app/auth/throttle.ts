// Login throttling rules (pure). Attempts are counted per key before the password is checked, so no request,
// however many arrive at once, is verified past the limit. Three keys, checked in this order:
// - the client address (many accounts from one place: password spraying);
// - the account at that address (guessing one person's password from one place): 5 attempts, then a short lock
//   that doubles each time (1, 2, 4 … 60 minutes), so someone who knows an e-mail address does not lock its owner out
//   everywhere;
// - the account from all addresses together (guessing from many places): a higher limit and a lock that grows too.
// A correct password clears the account's own counts; a password reset clears all of them for that address.
export type ThrottleLimit = { maxAttempts: number; windowMs: number; firstLockMs: number; maxLockMs: number };

const MINUTE = 60_000;
export const ADDRESS_LIMIT: ThrottleLimit = {
  maxAttempts: 30,
  windowMs: 15 * MINUTE,
  firstLockMs: 15 * MINUTE,
  maxLockMs: 60 * MINUTE,
};
export const ACCOUNT_AT_ADDRESS_LIMIT: ThrottleLimit = {
  maxAttempts: 5,
  windowMs: 15 * MINUTE,
  firstLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
};
export const ACCOUNT_LIMIT: ThrottleLimit = {
  maxAttempts: 50,
  windowMs: 15 * MINUTE,
  firstLockMs: 5 * MINUTE,
  maxLockMs: 60 * MINUTE,
};

/** Mails that anyone can make us send (password reset, registration): a few per address per hour, more per client. */
export const RESET_PER_ACCOUNT: ThrottleLimit = {
  maxAttempts: 3,
  windowMs: 60 * MINUTE,
  firstLockMs: 60 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
};
export const RESET_PER_CLIENT: ThrottleLimit = {
  maxAttempts: 10,
  windowMs: 60 * MINUTE,
  firstLockMs: 60 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
};

export const throttleKeys = {
  address: (ip: string) => `ip:${ip}`,
  accountAtAddress: (email: string, ip: string) => `email-ip:${email}|${ip}`,
  account: (email: string) => `email:${email}`,
  resetAccount: (email: string) => `reset-email:${email}`,
  resetClient: (ip: string) => `reset-ip:${ip}`,
  registerAccount: (email: string) => `register-email:${email}`,
  registerClient: (ip: string) => `register-ip:${ip}`,
};

/** How long the next lock lasts, given how often the key was locked before: doubling, up to the maximum. */
export function lockDuration(limit: ThrottleLimit, earlierLocks: number): number {
  return Math.min(limit.maxLockMs, limit.firstLockMs * 2 ** Math.min(earlierLocks, 20));
}

export function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return `Te veel mislukte pogingen om in te loggen. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw, of vraag een nieuw wachtwoord aan.`;
}
