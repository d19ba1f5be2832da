// Demo data: cohort "Voorjaar 2027" with two gildes, and the demo accounts of DESIGN.md. Seeded by `npm start`
// into an empty embedded database only, or explicitly with `npm run db:seed`; never into production by itself.
import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../app/auth/password.server";
import { fromAmsterdamInput } from "../app/assignments/time";
import { loadCourse } from "../app/content/course.server";
import { dataDir } from "../app/db/adapter.server";
import { migrate } from "../app/db/migrate.server";
import { connectDb, db, disconnectDb } from "../app/db.server";
import { DEMO_SECRET_NAME } from "../app/enrollment/stripe.server";
import { seedParticipantWork } from "./seed-work";
import { seedGradingDemo, type GradingSeedModule } from "./seed-grading";
import { seedDashboardDemo } from "./seed-dashboard";
import { seedLifecycleDemo } from "./seed-lifecycle";
import { seedCohortPageDemo } from "./seed-cohortpage";
import { seedInvitationDemo } from "./seed-invite";
import { seedAccountDemo } from "./seed-account";
import { seedConsentDemo } from "./seed-consent";
import { seedLtiDemo } from "./seed-lti";
import { seedCalendarDemo } from "./seed-calendar";
import { seedOidcDemo } from "./seed-oidc";
import { seedEvaluationDemo } from "./seed-evaluation";
import { seedCredentialsDemo } from "./seed-credentials";
import { seedGildeWorkDemo } from "./seed-gildework";

export const DEMO_PASSWORD = "gilde-demo-2027";

export const DEMO_ACCOUNTS = [
  { email: "beheer@gilde.test", name: "Bea Beheer", role: "ADMIN", label: "beheerder" },
  {
    email: "trainer@gilde.test",
    name: "Tom Trainer",
    role: "TRAINER",
    label: "trainer van Voorjaar 2027 en Najaar 2026",
  },
  { email: "trainer2@gilde.test", name: "Sophie Smit", role: "TRAINER", label: "tweede trainer van Voorjaar 2027" },
  { email: "deelnemer@gilde.test", name: "Dewi de Vries", role: "PARTICIPANT", label: "deelnemer, gilde De Wevers" },
  {
    email: "deelnemer2@gilde.test",
    name: "Youssef El Amrani",
    role: "PARTICIPANT",
    label: "deelnemer, gilde De Wevers",
  },
  { email: "deelnemer3@gilde.test", name: "Marieke Jansen", role: "PARTICIPANT", label: "deelnemer, gilde De Wevers" },
  { email: "deelnemer4@gilde.test", name: "Kees Bakker", role: "PARTICIPANT", label: "deelnemer, gilde De Wevers" },
  { email: "deelnemer5@gilde.test", name: "Fatma Yilmaz", role: "PARTICIPANT", label: "deelnemer, gilde De Smeden" },
  { email: "deelnemer6@gilde.test", name: "Joost van Dijk", role: "PARTICIPANT", label: "deelnemer, gilde De Smeden" },
  { email: "deelnemer7@gilde.test", name: "Priya Ramdin", role: "PARTICIPANT", label: "deelnemer, gilde De Smeden" },
  { email: "deelnemer8@gilde.test", name: "Sanne Visser", role: "PARTICIPANT", label: "deelnemer, gilde De Smeden" },
  { email: "alumnus@gilde.test", name: "Anouk Alumnus", role: "PARTICIPANT", label: "alumnus (Najaar 2025)" },
  {
    email: "aanmelder@gilde.test",
    name: "Ada Aanmelder",
    role: "PARTICIPANT",
    label: "aangemeld voor Voorjaar 2027, nog niet toegelaten",
  },
  {
    email: "hanna.degroot@gilde.test",
    name: "Hanna de Groot",
    role: "PARTICIPANT",
    label: "toegelaten, de factuur aan haar werkgever is te laat",
  },
  { email: "wim.vermeulen@gilde.test", name: "Wim Vermeulen", role: "PARTICIPANT", label: "vroeg om verwijdering" },
  { email: "mehmet.kaya@gilde.test", name: "Mehmet Kaya", role: "PARTICIPANT", label: "alumnus (Najaar 2025)" },
] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * `modules`: the course's modules in order. The demo cohort opens the first four at once and the rest
 * every four weeks from its start (drip), so the demo shows both open and not-yet-open modules.
 */
export type SeedModule = GradingSeedModule;

/** `uploadsDir`: where the demo's attachments are written (DATA_DIR/uploads); without it the demo has none. */
export type SeedOptions = { uploadsDir?: string };

export async function seedDemo(modules: SeedModule[] = [], { uploadsDir }: SeedOptions = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    // The demo data brings demo payments (on the embedded database), signed with a secret of this install's own.
    await tx.installSecret.createMany({
      data: [{ name: DEMO_SECRET_NAME, value: `whsec_${crypto.randomBytes(32).toString("hex")}` }],
      skipDuplicates: true,
    });
    const users = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const user = await tx.user.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash },
        select: { id: true },
      });
      users.set(account.email, user.id);
    }
    const id = (email: string) => users.get(email)!;

    const spring = await tx.cohort.create({
      data: {
        name: "Voorjaar 2027",
        startsOn: day("2027-03-01"),
        endsOn: day("2027-11-30"),
        priceCents: 245000,
        capacity: 24,
        location: "Utrecht, buurthuis De Leeuw",
        rhythm: "Om de twee weken op dinsdag, 9.30–16.00 uur",
      },
      select: { id: true },
    });
    const autumn = await tx.cohort.create({
      data: {
        name: "Najaar 2025",
        startsOn: day("2025-09-01"),
        endsOn: day("2026-06-30"),
        priceCents: 235000,
        capacity: 24,
      },
      select: { id: true },
    });
    await tx.cohortStaff.createMany({
      data: [
        { cohortId: spring.id, userId: id("trainer@gilde.test") },
        { cohortId: autumn.id, userId: id("trainer@gilde.test") },
      ],
    });
    const wevers = await tx.gilde.create({ data: { cohortId: spring.id, name: "De Wevers" }, select: { id: true } });
    const smeden = await tx.gilde.create({ data: { cohortId: spring.id, name: "De Smeden" }, select: { id: true } });
    const start = day("2027-03-01").getTime();
    const DAY_MS = 24 * 60 * 60 * 1000;
    for (const [index, module] of modules.entries()) {
      const opensOn = new Date(start + Math.max(0, index - 3) * 28 * DAY_MS);
      if (index >= 4) {
        await tx.moduleRelease.create({
          data: { cohortId: spring.id, moduleSlug: module.slug, opensOn, updatedById: id("trainer@gilde.test") },
        });
      }
      // Each assignment is due three weeks after its module opens, at 23:59 Amsterdam time; peer feedback a week later.
      for (const assignmentSlug of module.assignments) {
        const dueDay = new Date(opensOn.getTime() + 21 * DAY_MS).toISOString().slice(0, 10);
        const dueAt = fromAmsterdamInput(`${dueDay}T23:59`)!;
        // A week later, again at 23:59 Amsterdam time (also across the switch to summer time).
        const peerDay = new Date(opensOn.getTime() + 28 * DAY_MS).toISOString().slice(0, 10);
        const peerReviewDueAt = fromAmsterdamInput(`${peerDay}T23:59`)!;
        await tx.assignmentSchedule.create({
          data: { cohortId: spring.id, assignmentSlug, dueAt, peerReviewDueAt, updatedById: id("trainer@gilde.test") },
        });
      }
    }
    const participants = DEMO_ACCOUNTS.filter((a) => a.email.startsWith("deelnemer"));
    for (const [index, account] of participants.entries()) {
      const userId = id(account.email);
      await tx.enrollment.create({
        data: { userId, cohortId: spring.id, status: "ACTIVE", acceptedAt: new Date(), activatedAt: new Date() },
      });
      await tx.gildeMember.create({
        data: { gildeId: index < 4 ? wevers.id : smeden.id, userId, cohortId: spring.id },
      });
    }
    const oldGilde = await tx.gilde.create({ data: { cohortId: autumn.id, name: "De Bouwers" }, select: { id: true } });
    await tx.enrollment.create({
      data: {
        userId: id("alumnus@gilde.test"),
        cohortId: autumn.id,
        status: "COMPLETED",
        acceptedAt: day("2025-07-01"),
        activatedAt: day("2025-07-15"),
        completedAt: day("2026-06-30"),
      },
    });
    await tx.gildeMember.create({
      data: { gildeId: oldGilde.id, userId: id("alumnus@gilde.test"), cohortId: autumn.id },
    });
    // The alumnus's released work, which a practice case can start from.
    const oldWork = await tx.submission.create({
      data: {
        userId: id("alumnus@gilde.test"),
        cohortId: autumn.id,
        assignmentSlug: "wijkgeschiedenis",
        status: "PASSED",
      },
      select: { id: true },
    });
    const oldVersion = await tx.submissionVersion.create({
      data: {
        submissionId: oldWork.id,
        number: 1,
        handedInAt: day("2025-10-01"),
        body:
          "Rivierenwijk, Utrecht. De wijk werd rond 1920 gebouwd voor spoorwegarbeiders. " +
          "Bewoners vertelden over het buurthuis dat in 2012 dichtging en over de moestuin die ze daarna zelf begonnen.",
      },
      select: { id: true },
    });
    await tx.assessment.create({
      data: {
        submissionId: oldWork.id,
        versionId: oldVersion.id,
        number: 1,
        decision: "PASSED",
        status: "RELEASED",
        releasedAt: day("2025-10-15"),
        gradedById: id("trainer@gilde.test"),
        overall: "Een levendige wijkgeschiedenis met de stem van bewoners.",
      },
    });
    // The alumnus is findable in "Wie is wie" (the community's list of people).
    await tx.directoryEntry.create({
      data: {
        userId: id("alumnus@gilde.test"),
        region: "Utrecht",
        organisation: "Buurtteam Rivierenwijk",
        themes: ["bewonersambities", "vertrouwen"],
        openToMentoring: true,
      },
    });
    // A cohort that is running: the trainer's queue, graded work and who is stuck.
    await seedGradingDemo(tx, { trainerId: id("trainer@gilde.test"), passwordHash, modules, uploadsDir });
  });
  await seedDashboardDemo(modules);
  await seedParticipantWork(modules.flatMap((m) => m.assignments));
  await seedLifecycleDemo(passwordHash);
  await seedCohortPageDemo();
  await seedInvitationDemo();
  await seedAccountDemo();
  await seedConsentDemo();
  await seedLtiDemo();
  await seedCalendarDemo();
  await seedOidcDemo();
  await seedEvaluationDemo();
  await seedCredentialsDemo();
  await seedGildeWorkDemo();
}

type CourseShape = {
  modules: {
    slug: string;
    sections: { anchor: string }[];
    assignments: {
      slug: string;
      frontmatter: { rubric: { id: string; passLevel: number; levels: { score: number }[] }[] };
    }[];
  }[];
};

export function seedModules(course: CourseShape): SeedModule[] {
  return course.modules.map((m) => ({
    slug: m.slug,
    assignments: m.assignments.map((a) => a.slug),
    sections: m.sections.map((s) => s.anchor),
    rubrics: Object.fromEntries(
      m.assignments.map((a) => [
        a.slug,
        a.frontmatter.rubric.map((c) => ({ id: c.id, passLevel: c.passLevel, scores: c.levels.map((l) => l.score) })),
      ]),
    ),
  }));
}

/** Seeds only a database without any user; returns whether it did. */
export async function seedDemoIfEmpty(modules: SeedModule[] = [], options: SeedOptions = {}): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemo(modules, options);
  return true;
}

async function main() {
  const { driver } = await connectDb();
  if (driver.kind === "pglite") await migrate(driver);
  const existing = await db.user.findUnique({ where: { email: DEMO_ACCOUNTS[0].email }, select: { id: true } });
  if (existing) {
    console.log("De demogegevens staan al in deze database; er is niets veranderd.");
  } else {
    const course = await loadCourse();
    await seedDemo(seedModules(course), { uploadsDir: path.join(dataDir(), "uploads") });
    console.log(`Demogegevens aangemaakt. Wachtwoord van alle demo-accounts: ${DEMO_PASSWORD}`);
  }
  await disconnectDb();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectDb().catch(() => {});
    process.exit(1);
  });
}
