// The data directory a fresh clone gets at its first start (migrated, demo data seeded), made once per run in the
// e2e global setup and copied for every test file, so that sessions for the demo accounts can be made directly in
// the copy before the server opens it. End-to-end journeys then start signed in by cookie, without the login form
// and its argon2 check.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createSession } from "~/auth/session.server";
import { loadCourse } from "~/content/course.server";
import { acquireDataDirLock } from "~/db/adapter.server";
import { migrate } from "~/db/migrate.server";
import { connectDb, db, disconnectDb } from "~/db.server";
import { DEMO_ACCOUNTS, seedDemoIfEmpty, seedModules } from "../../prisma/seed";

/** Per demo e-mail address, session tokens to hand out: one per browser context, so that one logging out ends only its own. */
export type DemoSessions = Map<string, string[]>;

const SESSIONS_PER_ACCOUNT = 4;

async function withDataDir<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const { driver } = await connectDb(async () => {
    const release = acquireDataDirLock(dataDir);
    const pglite = new PGlite(path.join(dataDir, "pglite"));
    await pglite.waitReady;
    return { kind: "pglite", pglite, release };
  });
  try {
    await migrate(driver);
    return await work();
  } finally {
    await disconnectDb();
  }
}

/** Compiles the course into `dataDir`'s cache (where the server looks first), migrates and seeds the demo data. */
export async function seedDemoDataDir(dataDir: string): Promise<void> {
  // Loaded, not only compiled: seeding issues the demo alumnus's certificate, which describes the course.
  const course = await loadCourse({ cacheDir: path.join(dataDir, "cache", "mdx") });
  await withDataDir(dataDir, () => seedDemoIfEmpty(seedModules(course), { uploadsDir: path.join(dataDir, "uploads") }));
}

/**
 * Copies the seeded `template` to `dataDir` and makes the demo sessions in it; `extra` adds what one test file
 * needs beyond the demo data, with the database connected (the server cannot share the embedded database once it
 * runs).
 */
export async function prepareDemoDataDir(
  template: string,
  dataDir: string,
  extra?: () => Promise<void>,
): Promise<DemoSessions> {
  fs.cpSync(template, dataDir, { recursive: true });
  return withDataDir(dataDir, async () => {
    await extra?.();
    const sessions: DemoSessions = new Map();
    for (const { email } of DEMO_ACCOUNTS) {
      const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      const tokens: string[] = [];
      for (let i = 0; i < SESSIONS_PER_ACCOUNT; i++) tokens.push((await createSession(id)).token);
      sessions.set(email, tokens);
    }
    return sessions;
  });
}
