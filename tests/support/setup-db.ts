// Before each integration test file: the fixture course (compiled once per run) and a database of its own. PGlite:
// an in-memory copy of the migrated template. PostgreSQL (DATABASE_URL set): a fresh schema in the test database,
// migrated, dropped afterwards. The files of a worker share its modules (vitest.config.ts), so what a file changed in
// the environment is put back after it.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { loadCourse } from "~/content/course.server";
import { syncContentIndex } from "~/content/search.server";
import { migrate } from "~/db/migrate.server";
import { connectDb, disconnectDb } from "~/db.server";
import { FIXTURE_COURSE } from "./fixture-course";

let schema: string | undefined;
const baseUrl = process.env.DATABASE_URL;
const environment = { ...process.env };

async function withAdminClient(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A server these tests start in a child process (crash safety) reads the same course.
process.env.CONTENT_DIR = FIXTURE_COURSE;

beforeAll(async () => {
  const course = await loadCourse({ contentDir: FIXTURE_COURSE, cacheDir: inject("mdxCacheDir") });
  if (baseUrl) {
    schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await withAdminClient(`CREATE SCHEMA "${schema}"`);
    const url = new URL(baseUrl);
    url.searchParams.set("schema", schema);
    process.env.DATABASE_URL = url.toString();
    const { driver } = await connectDb();
    await migrate(driver);
  } else {
    const template = fs.readFileSync(inject("pgliteTemplate"));
    await connectDb(async () => {
      const pglite = new PGlite({ loadDataDir: new Blob([template]) });
      await pglite.waitReady;
      return { kind: "pglite", pglite, release: () => {} };
    });
  }
  await syncContentIndex(course);
});

afterAll(async () => {
  await disconnectDb();
  if (baseUrl && schema) {
    process.env.DATABASE_URL = baseUrl;
    await withAdminClient(`DROP SCHEMA "${schema}" CASCADE`);
  }
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
});
