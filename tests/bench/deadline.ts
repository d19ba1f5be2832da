// The deadline evening (issue 20), on PostgreSQL: 300 participants with the editor open, each autosaving every
// 5 seconds; 100 of them hand in within one minute, each with three 5 MB attachments; four trainers paging the
// queue meanwhile. Each participant has opened the writing page before the clock starts. Afterwards every draft and
// every hand-in in the database is compared with what was sent.
import crypto from "node:crypto";
import pg from "pg";
import { serverMemory } from "./memory";

const PARTICIPANTS = Number(process.env.BENCH_DEADLINE_PARTICIPANTS ?? 300);
const HAND_INS = Number(process.env.BENCH_DEADLINE_HAND_INS ?? 100);
const AUTOSAVE_MS = 5_000;
const HAND_IN_FROM_MS = 20_000;
const HAND_IN_WINDOW_MS = 60_000;
const RUN_MS = HAND_IN_FROM_MS + HAND_IN_WINDOW_MS + 10_000;
const FILE_BYTES = 5 * 1024 * 1024;
const TRAINERS = 4;

type Person = { userId: string; cookie: string };

/** Participants of the bench cohort with a session each, the assignment they write, and trainers' sessions. */
async function seedEvening(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A cohort of its own, as large as a big cohort gets: the bench's queue cohort has 1,112 participants.
    const {
      rows: [source],
    } = await client.query(`SELECT id FROM "Cohort" WHERE name = 'Voorjaar 2027'`);
    const {
      rows: [schedule],
    } = await client.query(
      // Written alone: not an assignment the demo gildes write together (its page links to the gilde's shared text).
      `SELECT "assignmentSlug" AS slug FROM "AssignmentSchedule" WHERE "cohortId" = $1
         AND "assignmentSlug" NOT IN (SELECT "assignmentSlug" FROM "Submission" WHERE "gildeId" IS NOT NULL)
       ORDER BY "dueAt" LIMIT 1`,
      [source.id],
    );
    const {
      rows: [trainer],
    } = await client.query(`SELECT id FROM "User" WHERE email = 'trainer@gilde.test'`);
    const cohort = { id: "dl-cohort" };
    await client.query(
      `INSERT INTO "Cohort" (id, name, "startsOn", "endsOn", "priceCents", capacity, status, "updatedAt")
       VALUES ($1, 'Deadline-avond', current_date - 60, current_date + 200, 245000, $2, 'RUNNING', now())`,
      [cohort.id, PARTICIPANTS],
    );
    await client.query(`INSERT INTO "CohortStaff" ("cohortId", "userId") VALUES ($1, $2)`, [cohort.id, trainer.id]);
    // Every module open tonight (no release dates), and the assignment due in two hours.
    await client.query(
      `INSERT INTO "AssignmentSchedule" ("cohortId", "assignmentSlug", "dueAt", "updatedAt") VALUES ($1, $2, now() + interval '2 hours', now())`,
      [cohort.id, schedule.slug],
    );
    const ids = Array.from({ length: PARTICIPANTS }, (_, i) => `dl-u-${i}`);
    await client.query(
      `INSERT INTO "User" (id, name, email, "passwordHash", role, "updatedAt")
       SELECT id, 'Avondschrijver ' || n, 'avond' || n || '@gilde.test', 'geen', 'PARTICIPANT', now()
       FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n)`,
      [ids],
    );
    await client.query(
      `INSERT INTO "Enrollment" (id, "userId", "cohortId", status, "activatedAt", "updatedAt")
       SELECT 'dl-e-' || id, id, $2, 'ACTIVE', now(), now() FROM unnest($1::text[]) AS t(id)`,
      [ids, cohort.id],
    );
    const session = async (userId: string) => {
      const id = `dlsess${crypto.randomBytes(12).toString("hex")}`;
      const secret = crypto.randomBytes(20).toString("base64url");
      const hash = crypto.createHash("sha256").update(secret).digest("hex");
      await client.query(
        `INSERT INTO "Session" (id, "secretHash", "userId", "expiresAt") VALUES ($1, $2, $3, now() + interval '30 days')`,
        [id, hash, userId],
      );
      return `gilde_session=${id}.${secret}`;
    };
    const participants: Person[] = [];
    for (const userId of ids) participants.push({ userId, cookie: await session(userId) });
    const trainers: string[] = [];
    for (let i = 0; i < TRAINERS; i++) trainers.push(await session(trainer.id));
    return { cohortId: cohort.id as string, slug: schedule.slug as string, participants, trainers };
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
}

// The bytes every attachment shares: random, made once, so that the bench itself does not spend the CPU the server
// is measured on. Each file differs in its first line (whose and which file it is), hence in its SHA-256.
const SHARED = crypto.randomBytes(FILE_BYTES);
SHARED.write("\n%%EOF\n", FILE_BYTES - 7, "latin1");
const HEAD_BYTES = 64;

/** A PDF-looking file of `FILE_BYTES`, its own by its first line; its SHA-256 is computed after the evening. */
function attachment(owner: string, n: number): { blob: Blob; sha256: () => string } {
  const head = Buffer.alloc(HEAD_BYTES, " ");
  head.write(`%PDF-1.7\n% ${owner} bijlage ${n} ${crypto.randomBytes(4).toString("hex")}\n`, 0, "latin1");
  const tail = SHARED.subarray(HEAD_BYTES);
  return {
    blob: new Blob([head, tail]),
    sha256: () => crypto.createHash("sha256").update(head).update(tail).digest("hex"),
  };
}

export type EveningResult = {
  rows: { name: string; count: number; p50: number; p99: number; errors: number }[];
  lost: string[];
  reasons: string[];
  memory: { before: number[]; peak: number[]; after: number[] };
};

/** Runs the evening against a server on `baseUrl` whose database is `url` (process `pid`), and checks the result. */
export async function deadlineEvening(baseUrl: string, url: string, pid: number): Promise<EveningResult> {
  const { cohortId, slug, participants, trainers } = await seedEvening(url);
  const page = `/opdrachten/${slug}`;
  const dataUrl = `${baseUrl}${page}?_data=${encodeURIComponent("routes/opdrachten.$slug")}`;
  const probe = await fetch(baseUrl + page, { headers: { Cookie: participants[0]!.cookie } });
  if (probe.status !== 200 || !(await probe.text()).includes('name="body"'))
    throw new Error(`De opdrachtpagina gaf ${probe.status} of geen schrijfveld.`);

  const autosaves: number[] = [];
  const handIns: number[] = [];
  const queue: number[] = [];
  const errors = { autosave: 0, handIn: 0, queue: 0 };
  // The first failure of each kind, to say what went wrong and not only how often.
  const reasons = new Map<string, string>();
  const failed = async (kind: keyof typeof errors, response: Response | null, error?: unknown) => {
    errors[kind]++;
    if (reasons.has(kind)) return;
    const text = response ? (await response.text().catch(() => "")).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") : "";
    reasons.set(kind, response ? `${response.status}: ${text.slice(0, 300)}` : String(error));
  };
  const saved = new Map<string, { body: string; revision: number }>();
  const handedIn = new Map<string, { body: string; files: (() => string)[] }>();
  // "The editor open": every participant has loaded the writing page before the evening is timed, as they would have
  // opened it before they start typing (20 at a time). Without it the first seconds timed a cold server meeting 300
  // new sessions at once, and those seconds alone decided the autosave p99 (1.2 s there, 0.1–0.3 s after).
  for (let i = 0; i < participants.length; i += 20) {
    await Promise.all(
      participants.slice(i, i + 20).map(async (person) => {
        const opened = await fetch(baseUrl + page, { headers: { Cookie: person.cookie } });
        await opened.arrayBuffer();
        if (opened.status !== 200) throw new Error(`De opdrachtpagina gaf ${opened.status} voor ${person.userId}.`);
      }),
    );
  }
  const before = serverMemory(pid).processes;
  const peak = [...before];
  const sampler = setInterval(() => {
    serverMemory(pid).processes.forEach((mb, i) => (peak[i] = Math.max(peak[i] ?? 0, mb)));
  }, 500);
  const started = performance.now();
  const elapsed = () => performance.now() - started;

  const writer = async (person: Person, index: number) => {
    const handInAt = index < HAND_INS ? HAND_IN_FROM_MS + (index * HAND_IN_WINDOW_MS) / HAND_INS : Infinity;
    let revision = 0;
    let words = 0;
    await sleep(Math.random() * AUTOSAVE_MS);
    while (elapsed() < Math.min(RUN_MS, handInAt)) {
      const tick = performance.now();
      words += 7;
      const body = `${person.userId} schrijft over de wijk, woord ${words}. `.repeat(1 + Math.floor(words / 50));
      try {
        const response = await fetch(dataUrl, {
          method: "POST",
          headers: {
            Cookie: person.cookie,
            Origin: baseUrl,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ intent: "save-draft", autosave: "1", body, revision: String(revision) }),
        });
        const answer = (await response
          .clone()
          .json()
          .catch(() => null)) as { revision?: number } | null;
        if (response.status === 200 && answer?.revision) {
          revision = answer.revision;
          saved.set(person.userId, { body, revision });
        } else await failed("autosave", response);
      } catch (error) {
        await failed("autosave", null, error);
      }
      autosaves.push(performance.now() - tick);
      await sleep(AUTOSAVE_MS - (performance.now() - tick));
    }
    if (handInAt === Infinity) return;
    await sleep(handInAt - elapsed());
    const files = [1, 2, 3].map((n) => attachment(person.userId, n));
    const body = `${person.userId} levert in: de laatste versie van mijn wijkverhaal.`;
    const form = new FormData();
    form.append("intent", "hand-in");
    form.append("body", body);
    form.append("revision", String(revision));
    files.forEach((file, i) => form.append("files", file.blob, `bijlage-${i + 1}.pdf`));
    // The writing form saves its text as the draft before it hands in: a refused hand-in leaves that text saved.
    saved.set(person.userId, { body, revision: revision + 1 });
    const tick = performance.now();
    try {
      const response = await fetch(baseUrl + page, {
        method: "POST",
        headers: { Cookie: person.cookie, Origin: baseUrl },
        body: form,
        redirect: "manual",
      });
      if (response.status === 302) handedIn.set(person.userId, { body, files: files.map((f) => f.sha256) });
      else await failed("handIn", response);
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      await failed("handIn", null, error);
    }
    handIns.push(performance.now() - tick);
  };

  const trainer = async (cookie: string, index: number) => {
    let pageNumber = index;
    while (elapsed() < RUN_MS) {
      const tick = performance.now();
      try {
        const response = await fetch(`${baseUrl}/beoordelen?groep=${cohortId}&pagina=${(pageNumber++ % 5) + 1}`, {
          headers: { Cookie: cookie },
        });
        if (response.status !== 200) await failed("queue", response);
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        await failed("queue", null, error);
      }
      queue.push(performance.now() - tick);
      await sleep(1_000);
    }
  };

  await Promise.all([...participants.map(writer), ...trainers.map(trainer)]);
  clearInterval(sampler);
  const after = serverMemory(pid).processes;
  const lost = await compare(url, cohortId, slug, saved, handedIn);
  const row = (name: string, values: number[], errorCount: number) => ({
    name,
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    errors: errorCount,
  });
  return {
    rows: [
      row(`deadline: autosave (${PARTICIPANTS} schrijvers, elke 5 s)`, autosaves, errors.autosave),
      row(`deadline: inleveren met 3 × 5 MB (${HAND_INS} in 60 s)`, handIns, errors.handIn),
      row(`deadline: wachtrij (${TRAINERS} trainers)`, queue, errors.queue),
    ],
    lost,
    reasons: [...reasons].map(([kind, reason]) => `${kind}: ${reason}`),
    memory: { before, peak, after },
  };
}

/** What the database holds against what was acknowledged: every difference is named. */
async function compare(
  url: string,
  cohortId: string,
  slug: string,
  saved: Map<string, { body: string; revision: number }>,
  handedIn: Map<string, { body: string; files: (() => string)[] }>,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const problems: string[] = [];
    const drafts = await client.query(
      `SELECT "userId", body, revision FROM "Draft" WHERE "cohortId" = $1 AND "assignmentSlug" = $2 AND "userId" LIKE 'dl-u-%'`,
      [cohortId, slug],
    );
    const draftOf = new Map(drafts.rows.map((r) => [r.userId as string, r as { body: string; revision: number }]));
    for (const [userId, expected] of saved) {
      if (handedIn.has(userId)) continue;
      const stored = draftOf.get(userId);
      if (stored?.body !== expected.body || stored.revision !== expected.revision)
        problems.push(`concept van ${userId} wijkt af`);
    }
    const versions = await client.query(
      `SELECT s."userId", v.body, array_agg(a.sha256 ORDER BY a.sha256) FILTER (WHERE a.id IS NOT NULL) AS files
       FROM "Submission" s JOIN "SubmissionVersion" v ON v."submissionId" = s.id
       LEFT JOIN "Attachment" a ON a."versionId" = v.id
       WHERE s."cohortId" = $1 AND s."assignmentSlug" = $2 AND s."userId" LIKE 'dl-u-%' AND s.status = 'SUBMITTED'
       GROUP BY s."userId", v.id, v.body`,
      [cohortId, slug],
    );
    const versionOf = new Map(versions.rows.map((r) => [r.userId as string, r as { body: string; files: string[] }]));
    for (const [userId, expected] of handedIn) {
      const stored = versionOf.get(userId);
      if (!stored) problems.push(`inzending van ${userId} ontbreekt`);
      else if (stored.body !== expected.body) problems.push(`tekst van ${userId} wijkt af`);
      else if (JSON.stringify(stored.files ?? []) !== JSON.stringify(expected.files.map((sha256) => sha256()).sort()))
        problems.push(`bijlagen van ${userId} wijken af`);
    }
    if (versions.rows.length !== handedIn.size)
      problems.push(`${versions.rows.length} inzendingen opgeslagen, ${handedIn.size} bevestigd`);
    return problems;
  } finally {
    await client.end();
  }
}
