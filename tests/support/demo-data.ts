// The data directory a fresh clone gets at its first start (migrated, demo data seeded), prepared in the test
// process instead, so that sessions for the demo accounts can be made directly in it before the server opens it.
// End-to-end journeys then start signed in by cookie, without the login form and its argon2 check.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createSession } from "~/auth/session.server";
import { compileCourse } from "~/content/compile.server";
import { acquireDataDirLock } from "~/db/adapter.server";
import { migrate } from "~/db/migrate.server";
import { connectDb, db, disconnectDb } from "~/db.server";
import { DEMO_ACCOUNTS, seedDemoIfEmpty, seedModules } from "../../prisma/seed";

/** Per demo e-mail address, session tokens to hand out: one per browser context, so that one logging out ends only its own. */
export type DemoSessions = Map<string, string[]>;

const SESSIONS_PER_ACCOUNT = 4;

/**
 * Migrates and seeds `dataDir` and makes the demo sessions; `extra` adds what one test file needs beyond the demo
 * data, with the database connected (the server cannot share the embedded database once it runs).
 */
export async function prepareDemoDataDir(dataDir: string, extra?: () => Promise<void>): Promise<DemoSessions> {
  // The server compiles into the same cache, so it finds the course already compiled.
  const course = await compileCourse({ cacheDir: path.join(dataDir, "cache", "mdx") });
  const { driver } = await connectDb(async () => {
    const release = acquireDataDirLock(dataDir);
    const pglite = new PGlite(path.join(dataDir, "pglite"));
    await pglite.waitReady;
    return { kind: "pglite", pglite, release };
  });
  try {
    await migrate(driver);
    await seedDemoIfEmpty(seedModules(course), { uploadsDir: path.join(dataDir, "uploads") });
    await extra?.();
    const sessions: DemoSessions = new Map();
    for (const { email } of DEMO_ACCOUNTS) {
      const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const tokens: string[] = [];
      for (let i = 0; i < SESSIONS_PER_ACCOUNT; i++) tokens.push((await createSession(id)).token);
      sessions.set(email, tokens);
    }
    return sessions;
  } finally {
    await disconnectDb();
  }
}
