// Bench parts on PostgreSQL, in a database of its own seeded by the bench. Issue 5: the grading queue of one
// cohort with 10,000 submissions (1,112 participants in gildes of 8 who handed in every assignment; 80% waiting,
// a fifth of them late, one in ten with a draft assessment). Issue 8: the community with 100,000 posts (5,000
// threads, one of them with 500 replies).
import { execFileSync } from "node:child_process";
import pg from "pg";
import { startServer } from "../support/server";
import { loginCookie } from "./login";
import { benchDatabase } from "./postgres";

const SUBMISSIONS = 10_000;
const PER_GILDE = 8;

async function seed(url: string) {
  const env = { ...process.env, DATABASE_URL: url };
  for (const script of ["prisma/migrate.ts", "prisma/seed.ts"])
    execFileSync(process.execPath, ["--import", "tsx", script], { env, stdio: "ignore" });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [cohort],
    } = await client.query(`SELECT id FROM "Cohort" WHERE name = 'Voorjaar 2027'`);
    const {
      rows: [trainer],
    } = await client.query(`SELECT id FROM "User" WHERE email = 'trainer@gilde.test'`);
    const { rows: schedules } = await client.query(
      `SELECT "assignmentSlug" FROM "AssignmentSchedule" WHERE "cohortId" = $1 ORDER BY "dueAt"`,
      [cohort.id],
    );
    const slugs = schedules.map((s) => s.assignmentSlug as string);
    const people = Math.ceil(SUBMISSIONS / slugs.length);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "User" (id, name, email, "passwordHash", role, "updatedAt")
       SELECT 'bench-u-' || i, 'Bankdeelnemer ' || i, 'bank' || i || '@gilde.test', 'geen', 'PARTICIPANT', now() FROM generate_series(1, $1) i`,
      [people],
    );
    await client.query(
      `INSERT INTO "Enrollment" (id, "userId", "cohortId", status, "activatedAt", "updatedAt")
       SELECT 'bench-e-' || i, 'bench-u-' || i, $2, 'ACTIVE', now(), now() FROM generate_series(1, $1) i`,
      [people, cohort.id],
    );
    await client.query(
      `INSERT INTO "Gilde" (id, "cohortId", name) SELECT 'bench-g-' || g, $2, 'Bankgilde ' || g FROM generate_series(0, ($1 - 1) / ${PER_GILDE}) g`,
      [people, cohort.id],
    );
    await client.query(
      `INSERT INTO "GildeMember" ("gildeId", "userId", "cohortId") SELECT 'bench-g-' || ((i - 1) / ${PER_GILDE}), 'bench-u-' || i, $2 FROM generate_series(1, $1) i`,
      [people, cohort.id],
    );
    await client.query(
      `INSERT INTO "Submission" (id, "userId", "cohortId", "assignmentSlug", status, "createdAt", "updatedAt")
       SELECT 'bench-s-' || n, 'bench-u-' || i, $2, slug,
              (CASE WHEN n % 5 = 0 THEN 'PASSED' ELSE 'SUBMITTED' END)::"SubmissionStatus",
              now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval
       FROM (SELECT i, slug, row_number() OVER (ORDER BY i, slug) AS n FROM generate_series(1, $1) i CROSS JOIN unnest($3::text[]) slug) s
       WHERE n <= ${SUBMISSIONS}`,
      [people, cohort.id, slugs],
    );
    await client.query(
      `INSERT INTO "SubmissionVersion" (id, "submissionId", number, body, "handedInAt", late)
       SELECT 'bench-v-' || substr(id, 9), id, 1, 'Mijn wijk, geschreven voor de bank.', "updatedAt", (substr(id, 9)::int % 5 = 1) FROM "Submission" WHERE id LIKE 'bench-s-%'`,
    );
    await client.query(
      `INSERT INTO "Assessment" (id, "submissionId", "versionId", number, "gradedById", "updatedAt", revision)
       SELECT 'bench-a-' || substr(id, 9), id, 'bench-v-' || substr(id, 9), 1, $1, now(), 1 FROM "Submission" WHERE id LIKE 'bench-s-%' AND substr(id, 9)::int % 10 = 3`,
      [trainer.id],
    );
    await client.query("COMMIT");
    // What autovacuum does within a minute of a bulk load like this one, done before anything is measured, so that
    // no measurement depends on whether it has run yet (or shares the cores with it).
    await client.query("VACUUM (ANALYZE)");
    const {
      rows: [count],
    } = await client.query(`SELECT count(*)::int AS n FROM "Submission" WHERE "cohortId" = $1`, [cohort.id]);
    const {
      rows: [gilde],
    } = await client.query(`SELECT id FROM "Gilde" WHERE id = 'bench-g-7'`);
    return {
      cohortId: cohort.id as string,
      gildeId: gilde.id as string,
      slug: slugs[2],
      submissions: count.n as number,
    };
  } finally {
    await client.end();
  }
}

/** 4,999 threads of 20 posts and one of 501 (an opening post and 500 replies), all by the demo alumnus. */
async function seedCommunity(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const {
      rows: [alumnus],
    } = await client.query(`SELECT id FROM "User" WHERE email = 'alumnus@gilde.test'`);
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Thread" (id, kind, "authorId", title, themes, tags, "replyCount", "createdAt", "lastPostAt")
       SELECT 'bench-t-' || i, 'COMMUNITY'::"ThreadKind", $1, 'Bankonderwerp ' || i, ARRAY['vertrouwen'], ARRAY['bank'], 19, now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
       FROM generate_series(1, 4999) i`,
      [alumnus.id],
    );
    await client.query(
      `INSERT INTO "Post" (id, "threadId", "authorId", body, "createdAt")
       SELECT 'bench-p-' || i || '-' || j, 'bench-t-' || i, $1, 'Een bericht over de wijk, nummer ' || j || '.', now() - ((i * 20 - j) || ' seconds')::interval
       FROM generate_series(1, 4999) i, generate_series(1, 20) j`,
      [alumnus.id],
    );
    await client.query(
      `INSERT INTO "Thread" (id, kind, "authorId", title, themes, tags, "replyCount", "createdAt", "lastPostAt")
       VALUES ('bench-t-groot', 'COMMUNITY'::"ThreadKind", $1, 'Het grote gesprek', ARRAY['sociale-basis'], ARRAY['bank'], 500, now() - interval '1 day', now())`,
      [alumnus.id],
    );
    await client.query(
      `INSERT INTO "Post" (id, "threadId", "authorId", body, "createdAt")
       SELECT 'bench-pg-' || j, 'bench-t-groot', $1, 'Reactie ' || j || ' in het **grote gesprek**, met wat [tekst](/community) erbij.', now() - ((501 - j) || ' seconds')::interval
       FROM generate_series(1, 501) j`,
      [alumnus.id],
    );
    await client.query("COMMIT");
    await client.query("VACUUM (ANALYZE)");
    const {
      rows: [count],
    } = await client.query(`SELECT count(*)::int AS n FROM "Post"`);
    return { posts: count.n as number };
  } finally {
    await client.end();
  }
}

/** The indexes the plans of the queue's queries use (first page, late filter, gilde filter), as PostgreSQL reports them. */
async function queuePlanIndexes(url: string, cohortId: string, gildeId: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const base = `SELECT s.id FROM "Submission" s WHERE s.status = 'SUBMITTED' AND s."cohortId" IN ($1)`;
  const order = `ORDER BY s."updatedAt" ASC LIMIT 50`;
  try {
    const plans = [
      [`SELECT id FROM "Thread" WHERE kind = 'COMMUNITY' ORDER BY "lastPostAt" DESC LIMIT 30`, []],
      [`SELECT id FROM "Post" WHERE "threadId" = 'bench-t-groot' ORDER BY "createdAt" ASC LIMIT 50`, []],
      [`${base} ${order}`, [cohortId]],
      [
        `${base} AND EXISTS (SELECT 1 FROM "SubmissionVersion" v WHERE v."submissionId" = s.id AND v.late) ${order}`,
        [cohortId],
      ],
      [
        `${base} AND EXISTS (SELECT 1 FROM "GildeMember" g WHERE g."userId" = s."userId" AND g."gildeId" = $2) ${order}`,
        [cohortId, gildeId],
      ],
    ] as const;
    const names = new Set<string>();
    for (const [sql, params] of plans) {
      const { rows } = await client.query(`EXPLAIN ${sql}`, [...params]);
      for (const row of rows)
        for (const [, name] of String(row["QUERY PLAN"]).matchAll(/using "?([^"\s]+)"?/gi)) if (name) names.add(name);
    }
    return [...names];
  } finally {
    await client.end();
  }
}

type Measure<R extends { p99: number; errors: number }> = (
  name: string,
  url: string,
  headers: Record<string, string>,
) => Promise<R>;

/** The queue and the community, then `more` on the same database (the workers and the deadline evening). */
export async function benchOnPostgres<R extends { p99: number; errors: number }, M>(
  measure: Measure<R>,
  more: (url: string) => Promise<M>,
) {
  const database = await benchDatabase();
  try {
    const data = await seed(database.url);
    const community = await seedCommunity(database.url);
    const indexes = await queuePlanIndexes(database.url, data.cohortId, data.gildeId);
    const server = await startServer({ env: { DATABASE_URL: database.url } });
    try {
      const cookie = await loginCookie(server.baseUrl, "trainer@gilde.test");
      const headers = { Cookie: cookie };
      const first = await fetch(`${server.baseUrl}/beoordelen`, { headers });
      const firstText = await first.text();
      if (first.status !== 200 || !firstText.includes("inzendingen wachten"))
        throw new Error(`De beoordelingswachtrij gaf ${first.status}.`);
      const filtered = `/beoordelen?groep=${data.cohortId}&opdracht=${data.slug}&laat=ja&status=nieuw`;
      const byGilde = `/beoordelen?groep=${data.cohortId}&gilde=${data.gildeId}`;
      const results = [
        await measure(
          `wachtrij, eerste pagina (${data.submissions} inzendingen)`,
          server.baseUrl + "/beoordelen",
          headers,
        ),
        await measure("wachtrij, gefilterd: opdracht, te laat, nieuw", server.baseUrl + filtered, headers),
        await measure("wachtrij, gefilterd: gilde", server.baseUrl + byGilde, headers),
      ];
      const alumnus = { Cookie: await loginCookie(server.baseUrl, "alumnus@gilde.test") };
      const big = await fetch(`${server.baseUrl}/community/bench-t-groot`, { headers: alumnus });
      if (big.status !== 200 || !(await big.text()).includes("Reactie 50 in het"))
        throw new Error(`Het grote gesprek gaf ${big.status}.`);
      const communityResults = [
        await measure(
          `community: onderwerpen, eerste pagina (${community.posts} berichten)`,
          `${server.baseUrl}/community`,
          alumnus,
        ),
        await measure(
          "community: gesprek met 500 reacties, eerste pagina",
          `${server.baseUrl}/community/bench-t-groot`,
          alumnus,
        ),
        await measure(
          "community: gesprek met 500 reacties, laatste pagina",
          `${server.baseUrl}/community/bench-t-groot?pagina=11`,
          alumnus,
        ),
      ];
      await server.stop();
      return {
        results,
        communityResults,
        indexes,
        submissions: data.submissions,
        posts: community.posts,
        more: await more(database.url),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}
