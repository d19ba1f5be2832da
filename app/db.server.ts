// The one Prisma client of the process, opened once by the server at start (or by the test set-up) and used by
// every module through `db`.
import { PrismaClient } from "@prisma/client";
import { adapterFor, closeDriver, openDriver, type Driver } from "./db/adapter.server";
import { rememberQueryPlans } from "./db/plan-cache.server";
import { unavailableResponse } from "./db/unavailable.server";

type DbState = { prisma: PrismaClient; driver: Driver };

let slot: { pending: Promise<DbState>; ready?: DbState } | undefined;

async function open(openFn: () => Promise<Driver>): Promise<DbState> {
  const driver = await openFn();
  rememberQueryPlans();
  const base = new PrismaClient({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    adapter: adapterFor(driver) as any,
    // At a peak (a deadline evening) every connection of the pool can be busy for a moment: a hand-in waits for one
    // rather than failing after Prisma's default of 2 s, and a transaction on a loaded machine may take longer than 5 s.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // A database that cannot be reached during a request becomes a 503 with the typed form values, everywhere.
  const prisma = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw unavailableResponse(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  return { prisma, driver };
}

/**
 * Opens the database once per process (taking the data-directory lock on PGlite). Tests pass their own
 * opener to start from a prepared database.
 */
export async function connectDb(openFn: () => Promise<Driver> = openDriver): Promise<DbState> {
  let current = slot;
  if (!current) {
    const fresh: { pending: Promise<DbState>; ready?: DbState } = { pending: open(openFn) };
    slot = current = fresh;
    fresh.pending.then(
      (state) => (fresh.ready = state),
      () => {
        if (slot === fresh) slot = undefined;
      },
    );
  }
  const state = await current.pending;
  current.ready = state;
  return state;
}

export async function disconnectDb() {
  const closing = slot;
  slot = undefined;
  if (!closing) return;
  const { prisma, driver } = await closing.pending;
  await prisma.$disconnect();
  await closeDriver(driver);
}

export function currentDriver(): Driver {
  const state = slot?.ready;
  if (!state) throw new Error("De database is niet verbonden: roep eerst connectDb() aan.");
  return state.driver;
}

/** The Prisma client; usable once connectDb() has resolved (the server and test setup do that first). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const state = slot?.ready;
    if (!state) throw new Error("De database is niet verbonden: roep eerst connectDb() aan.");
    const value = Reflect.get(state.prisma, property);
    if (property === "$transaction") {
      // Starting a transaction needs a connection before any query of it runs.
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(state.prisma, args).catch((error: unknown) => {
          throw unavailableResponse(error);
        });
    }
    return typeof value === "function" ? value.bind(state.prisma) : value;
  },
});
