// The honest-schema migration (issue 17) on data written before it: JSON text becomes jsonb objects, the closed sets
// become enums, and rows pointing at nothing are set to NULL or deleted, so the foreign keys can be added. Runs on a
// database of its own (in-memory PGlite, or a schema of its own on PostgreSQL), migrated up to the migration before.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "~/db/adapter.server";
import { migrate, readMigrations } from "~/db/migrate.server";

const MIGRATION = "20261201110000_honest_schema";
const baseUrl = process.env.DATABASE_URL;
const schema = `honest_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let driver: Driver;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  if (driver.kind === "pglite") return (await driver.pglite.query<T>(text, params)).rows;
  return (await driver.pool.query(text, params)).rows as T[];
}

// Old-style rows, as the app wrote them before the migration, and some that point at rows that do not exist.
const OLD_DATA = `
  INSERT INTO "User" (id, name, email, "passwordHash", "updatedAt") VALUES
    ('u-trainer', 'Tess Trainer', 'tess@example.nl', '', now()),
    ('u-anna', 'Anna', 'anna@example.nl', '', now()),
    ('u-bram', 'Bram', 'bram@example.nl', '', now());
  INSERT INTO "Cohort" (id, name, "startsOn", "endsOn", "priceCents", capacity, "updatedAt")
    VALUES ('c-1', 'Voorjaar', '2027-01-01', '2027-12-01', 100000, 10, now());
  INSERT INTO "Enrollment" (id, "userId", "cohortId", status, "decidedById", "updatedAt")
    VALUES ('e-anna', 'u-anna', 'c-1', 'ACTIVE', 'u-gone', now());
  INSERT INTO "Intake" ("enrollmentId", "currentWork", organisation, "experienceYears", experience, wijk, motivation,
      payer, "updatedAt")
    VALUES ('e-anna', 'Opbouwwerk', 'Welzijn', 3, 'Jaren', 'Oost', 'Graag', 'EMPLOYER', now());
  INSERT INTO "Submission" (id, "userId", "cohortId", "assignmentSlug", "updatedAt") VALUES
    ('s-anna', 'u-anna', 'c-1', 'opdracht-a', now()),
    ('s-lost', 'u-bram', 'c-gone', 'opdracht-a', now());
  INSERT INTO "SubmissionVersion" (id, "submissionId", number, body) VALUES
    ('v-anna', 's-anna', 1, 'Mijn wijk'),
    ('v-lost', 's-lost', 1, 'Weg');
  INSERT INTO "Assessment" (id, "submissionId", "versionId", number, levels, feedback, decision, status, "gradedById",
      "secondReaderId", "secondReadAt", "updatedAt") VALUES
    ('a-1', 's-anna', 'v-anna', 1, '{"analyse":2,"bronnen":3}', '{"analyse":"Sterk **onderbouwd**"}', 'niet-voldaan',
      'RELEASED', 'u-trainer', 'u-gone', now(), now()),
    ('a-2', 's-anna', 'v-anna', 2, '{}', '{}', 'herziening', 'DRAFT', 'u-trainer', NULL, NULL, now()),
    ('a-ghost', 's-anna', 'v-anna', 3, '{}', '{}', NULL, 'DRAFT', 'u-gone', NULL, NULL, now());
  INSERT INTO "PeerReview" (id, "cohortId", "assignmentSlug", "submissionId", "reviewerId", status, answers, levels,
      "dueAt", "cancelReason", "updatedAt") VALUES
    ('r-1', 'c-1', 'opdracht-a', 's-anna', 'u-bram', 'SUBMITTED', '{"0":"Helder","1":"Meer bronnen"}',
      '{"analyse":2}', now(), NULL, now()),
    ('r-2', 'c-1', 'opdracht-a', 's-anna', 'u-trainer', 'CANCELLED', '{}', '{}', now(), 'schrijver gestopt', now());
  INSERT INTO "ReminderSent" ("cohortId", "assignmentSlug", "userId", kind) VALUES ('c-1', 'opdracht-a', 'u-anna', '3d');
  INSERT INTO "Extension" ("cohortId", "assignmentSlug", "userId", "dueAt", "grantedById") VALUES
    ('c-1', 'opdracht-a', 'u-anna', now(), 'u-trainer'),
    ('c-1', 'opdracht-b', 'u-gone', now(), 'u-trainer');
  INSERT INTO "PracticeCase" (id, "authorId", title, situation, residents, role, result, learned, municipality,
      "consentAt", "sourceSubmissionId")
    VALUES ('case-1', 'u-anna', 'Moestuin', 's', 'r', 'r', 'r', 'l', 'Utrecht', now(), 's-erased');
  INSERT INTO "AuditEvent" (id, action, "actorId", summary) VALUES
    ('ev-1', 'login', 'u-anna', 'Ingelogd.'),
    ('ev-2', 'login', 'u-gone', 'Ingelogd.');
`;

beforeAll(async () => {
  if (baseUrl) {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    driver = {
      kind: "postgres",
      pool: new pg.Pool({ connectionString: baseUrl, max: 2, options: `-c search_path="${schema}"` }),
      schema,
    };
  } else {
    const pglite = new PGlite();
    await pglite.waitReady;
    driver = { kind: "pglite", pglite, release: () => {} };
  }
  const migrations = readMigrations();
  expect(migrations.map((m) => m.name)).toContain(MIGRATION);
  await migrate(
    driver,
    migrations.filter((m) => m.name < MIGRATION),
  );
  if (driver.kind === "pglite") await driver.pglite.exec(OLD_DATA);
  else await driver.pool.query(OLD_DATA);
  expect(await migrate(driver, migrations)).toContain(MIGRATION);
});

afterAll(async () => {
  if (driver.kind === "pglite") await driver.pglite.close();
  else {
    await driver.pool.query(`DROP SCHEMA "${schema}" CASCADE`);
    await driver.pool.end();
  }
});

describe("the honest-schema migration on old data", () => {
  it("turns JSON text into objects", async () => {
    const [assessment] = await sql<{ levels: unknown; feedback: unknown; type: string }>(
      `SELECT levels, feedback, jsonb_typeof(levels) AS type FROM "Assessment" WHERE id = 'a-1'`,
    );
    expect(assessment).toEqual({
      levels: { analyse: 2, bronnen: 3 },
      feedback: { analyse: "Sterk **onderbouwd**" },
      type: "object",
    });
    const [review] = await sql(`SELECT answers, levels FROM "PeerReview" WHERE id = 'r-1'`);
    expect(review).toEqual({ answers: { 0: "Helder", 1: "Meer bronnen" }, levels: { analyse: 2 } });
    // A new row still gets an empty object.
    await sql(`INSERT INTO "PeerReview" (id, "cohortId", "assignmentSlug", "submissionId", "reviewerId", "dueAt", "updatedAt")
               VALUES ('r-new', 'c-1', 'opdracht-a', 's-anna', 'u-anna', now(), now())`);
    expect(await sql(`SELECT answers, levels FROM "PeerReview" WHERE id = 'r-new'`)).toEqual([
      { answers: {}, levels: {} },
    ]);
  });

  it("turns the closed sets into enums, by name", async () => {
    expect(
      await sql(`SELECT id, decision, pg_typeof(decision)::text AS type FROM "Assessment" ORDER BY number`),
    ).toEqual([
      { id: "a-1", decision: "FAILED", type: '"Decision"' },
      { id: "a-2", decision: "REVISION", type: '"Decision"' },
    ]);
    expect(await sql(`SELECT id, "cancelReason" FROM "PeerReview" WHERE id IN ('r-1', 'r-2') ORDER BY id`)).toEqual([
      { id: "r-1", cancelReason: null },
      { id: "r-2", cancelReason: "AUTHOR_LEFT" },
    ]);
    expect(await sql(`SELECT payer, pg_typeof(payer)::text AS type FROM "Intake"`)).toEqual([
      { payer: "EMPLOYER", type: '"Payer"' },
    ]);
    expect(await sql(`SELECT kind::text AS kind FROM "ReminderSent"`)).toEqual([{ kind: "3d" }]);
    await expect(sql(`UPDATE "Intake" SET payer = 'NOBODY'`)).rejects.toThrow();
  });

  it("sets a nullable reference to nothing to NULL and keeps the row", async () => {
    expect(await sql(`SELECT "decidedById" FROM "Enrollment" WHERE id = 'e-anna'`)).toEqual([{ decidedById: null }]);
    // A second reading by someone who does not exist is no reading.
    expect(await sql(`SELECT "secondReaderId", "secondReadAt" FROM "Assessment" WHERE id = 'a-1'`)).toEqual([
      { secondReaderId: null, secondReadAt: null },
    ]);
    expect(await sql(`SELECT "sourceSubmissionId" FROM "PracticeCase" WHERE id = 'case-1'`)).toEqual([
      { sourceSubmissionId: null },
    ]);
    expect(await sql(`SELECT id, "actorId" FROM "AuditEvent" ORDER BY id`)).toEqual([
      { id: "ev-1", actorId: "u-anna" },
      { id: "ev-2", actorId: null },
    ]);
  });

  it("deletes a required reference to nothing, with what hangs off it, and keeps the rest", async () => {
    expect(await sql(`SELECT id FROM "Submission" ORDER BY id`)).toEqual([{ id: "s-anna" }]);
    expect(await sql(`SELECT id FROM "SubmissionVersion" ORDER BY id`)).toEqual([{ id: "v-anna" }]);
    expect(await sql(`SELECT id FROM "Assessment" ORDER BY id`)).toEqual([{ id: "a-1" }, { id: "a-2" }]);
    expect(await sql(`SELECT "assignmentSlug" FROM "Extension"`)).toEqual([{ assignmentSlug: "opdracht-a" }]);
  });

  it("has the foreign keys: a row pointing at nothing is refused from now on", async () => {
    await expect(
      sql(`INSERT INTO "Extension" ("cohortId", "assignmentSlug", "userId", "dueAt", "grantedById")
           VALUES ('c-1', 'opdracht-c', 'u-anna', now(), 'u-nobody')`),
    ).rejects.toThrow(/foreign key/);
    await expect(
      sql(`INSERT INTO "Submission" (id, "userId", "cohortId", "assignmentSlug", "updatedAt")
           VALUES ('s-x', 'u-anna', 'c-nobody', 'opdracht-c', now())`),
    ).rejects.toThrow(/foreign key/);
    // Users are anonymised, never deleted: one who graded work cannot be removed.
    await expect(sql(`DELETE FROM "User" WHERE id = 'u-trainer'`)).rejects.toThrow(/foreign key/);
  });
});
