// Demo data for the trainer's daily grading work: cohort "Najaar 2026", running since September, with a
// second trainer, six participants, work waiting in the queue (one with a PDF and a photo attached, one a second
// version), graded work to filter (released and draft, every decision), and participants who are stuck in
// different ways (late, inactive, reading behind, revision open, peer feedback overdue). The planning lies in the
// past; activity is counted back from the moment of seeding, so the flags show whenever the demo starts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Prisma } from "@prisma/client";
import { fromAmsterdamInput } from "../app/assignments/time";

type Tx = Prisma.TransactionClient;

/** What the seed needs to know of a module: its assignments, and (optionally) its sections and rubrics. */
export type GradingSeedModule = {
  slug: string;
  assignments: string[];
  sections?: string[];
  rubrics?: Record<string, { id: string; passLevel: number; scores: number[] }[]>;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const START = "2026-09-07";

const PEOPLE = [
  { key: "ilse", name: "Ilse de Boer", gilde: 0 },
  { key: "mohamed", name: "Mohamed Ouali", gilde: 0 },
  { key: "lotte", name: "Lotte Smit", gilde: 0 },
  { key: "ruben", name: "Ruben Mulder", gilde: 1 },
  { key: "esra", name: "Esra Demir", gilde: 1 },
  { key: "wim", name: "Wim Hendriks", gilde: 1 },
] as const;
type Person = (typeof PEOPLE)[number]["key"];
/** The accounts this part of the demo adds: the participants and the second trainer. */
export const GRADING_DEMO_USERS = PEOPLE.length + 1;

/** Who did which of the first four assignments (the ones past their deadline), and how it stands. */
type Work = "passed" | "failed" | "returned" | "resubmitted" | "waiting" | "drafted" | "late-waiting";
const WORK: Record<Person, (Work | null)[]> = {
  ilse: ["passed", "passed", "waiting", "waiting"],
  mohamed: ["passed", "returned", null, "late-waiting"],
  lotte: ["passed", null, null, null],
  ruben: ["passed", "passed", "passed", "drafted"],
  esra: ["passed", "failed", "waiting", null],
  wim: ["passed", "resubmitted", "passed", "waiting"],
};
/** Per person: the share of each of the first four modules read, and how many days ago they last did anything. */
const READING: Record<Person, { shares: number[]; lastActive: number }> = {
  ilse: { shares: [1, 1, 1, 0.8], lastActive: 1 },
  mohamed: { shares: [1, 1, 0.9, 0.6], lastActive: 5 },
  lotte: { shares: [1, 0.4, 0, 0], lastActive: 31 },
  ruben: { shares: [1, 1, 1, 0.7], lastActive: 3 },
  esra: { shares: [1, 0.9, 0.7, 0.2], lastActive: 9 },
  wim: { shares: [1, 1, 1, 1], lastActive: 2 },
};

export async function seedGradingDemo(
  tx: Tx,
  {
    trainerId,
    passwordHash,
    modules,
    uploadsDir,
    now = new Date(),
  }: { trainerId: string; passwordHash: string; modules: GradingSeedModule[]; uploadsDir?: string; now?: Date },
) {
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY_MS - hours * 3_600_000);
  const cohort = await tx.cohort.create({
    data: {
      name: "Najaar 2026",
      startsOn: new Date(`${START}T00:00:00Z`),
      endsOn: new Date("2027-06-25T00:00:00Z"),
      priceCents: 245000,
      capacity: 20,
      location: "Amersfoort, wijkcentrum De Kei",
      rhythm: "Om de twee weken op donderdag, 9.30–16.00 uur",
    },
    select: { id: true },
  });
  const colleague = await tx.user.create({
    data: { email: "hanneke.hofstra@gilde.test", name: "Hanneke Hofstra", role: "TRAINER", passwordHash },
    select: { id: true },
  });
  await tx.cohortStaff.createMany({
    data: [
      { cohortId: cohort.id, userId: trainerId },
      { cohortId: cohort.id, userId: colleague.id },
    ],
  });
  const gildes = [
    await tx.gilde.create({ data: { cohortId: cohort.id, name: "De Lantaarns" }, select: { id: true } }),
    await tx.gilde.create({ data: { cohortId: cohort.id, name: "De Bruggen" }, select: { id: true } }),
  ];

  // Every three weeks a module opens; its assignment is due three weeks later, peer feedback a week after that.
  const start = new Date(`${START}T00:00:00Z`).getTime();
  const planned = modules.map((module, index) => {
    const opensOn = new Date(start + index * 21 * DAY_MS);
    const day = (offset: number) => new Date(opensOn.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
    return {
      module,
      opensOn,
      dueAt: fromAmsterdamInput(`${day(21)}T23:59`)!,
      peerReviewDueAt: fromAmsterdamInput(`${day(28)}T23:59`)!,
    };
  });
  for (const [index, plan] of planned.entries()) {
    if (index > 0)
      await tx.moduleRelease.create({
        data: { cohortId: cohort.id, moduleSlug: plan.module.slug, opensOn: plan.opensOn, updatedById: trainerId },
      });
    for (const assignmentSlug of plan.module.assignments)
      await tx.assignmentSchedule.create({
        data: {
          cohortId: cohort.id,
          assignmentSlug,
          dueAt: plan.dueAt,
          peerReviewDueAt: plan.peerReviewDueAt,
          updatedById: trainerId,
        },
      });
  }

  const ids = new Map<Person, string>();
  for (const [index, person] of PEOPLE.entries()) {
    const user = await tx.user.create({
      data: { email: `${person.key}.najaar@gilde.test`, name: person.name, role: "PARTICIPANT", passwordHash },
      select: { id: true },
    });
    ids.set(person.key, user.id);
    await tx.enrollment.create({
      data: {
        userId: user.id,
        cohortId: cohort.id,
        status: "ACTIVE",
        acceptedAt: new Date(start - 30 * DAY_MS),
        activatedAt: new Date(start - 20 * DAY_MS + index * 3_600_000),
      },
    });
    await tx.gildeMember.create({ data: { gildeId: gildes[person.gilde]!.id, userId: user.id, cohortId: cohort.id } });
  }
  const idOf = (person: Person) => ids.get(person)!;

  // Reading: the first sections of each module; the last section read is read on the day the person was last
  // active (the most recent thing they did), the earlier ones on the days before.
  for (const person of PEOPLE) {
    const { shares, lastActive } = READING[person.key];
    const reads = shares.flatMap((share, index) => {
      const plan = planned[index];
      const sections = plan?.module.sections ?? [];
      return sections
        .slice(0, Math.round(sections.length * share))
        .map((sectionId) => ({ userId: idOf(person.key), moduleSlug: plan!.module.slug, sectionId }));
    });
    await tx.sectionRead.createMany({
      data: reads.map((read, n) => ({
        ...read,
        readAt: n === reads.length - 1 ? ago(lastActive, 2) : ago(lastActive + (reads.length - n)),
      })),
    });
  }

  // Work on the first four assignments.
  const graders = [trainerId, colleague.id];
  const submissions = new Map<string, string>();
  for (const [p, person] of PEOPLE.entries()) {
    for (const [index, work] of WORK[person.key].entries()) {
      const plan = planned[index];
      const slug = plan?.module.assignments[0];
      if (!plan || !slug || !work) continue;
      const rubric = plan.module.rubrics?.[slug] ?? [];
      const late = work === "late-waiting";
      const handedInAt = late
        ? ago(4, p)
        : new Date(
            Math.min(plan.dueAt.getTime() - (p + 1) * 5 * 3_600_000, ago(READING[person.key].lastActive, 3).getTime()),
          );
      const status =
        work === "passed" ? "PASSED" : work === "failed" ? "FAILED" : work === "returned" ? "RETURNED" : "SUBMITTED";
      const resubmittedAt = work === "resubmitted" ? ago(6, p) : null;
      const submission = await tx.submission.create({
        data: {
          userId: idOf(person.key),
          cohortId: cohort.id,
          assignmentSlug: slug,
          status,
          createdAt: handedInAt,
          updatedAt: resubmittedAt ?? handedInAt,
        },
        select: { id: true },
      });
      submissions.set(`${person.key}|${index}`, submission.id);
      const first = await tx.submissionVersion.create({
        data: {
          submissionId: submission.id,
          number: 1,
          handedInAt,
          late,
          body: workText(person.name, index, person.key === "ilse" && index === 2),
        },
        select: { id: true },
      });
      const grader = graders[(p + index) % 2]!;
      const levelsAt = (pick: "pass" | "low") =>
        Object.fromEntries(rubric.map((c) => [c.id, pick === "pass" ? c.passLevel : Math.min(...c.scores)] as const));
      const feedbackFor = (words: string) => Object.fromEntries(rubric.map((c) => [c.id, words] as const));
      const releasedAt = new Date(handedInAt.getTime() + 6 * DAY_MS);
      if (work === "passed" || work === "failed" || work === "returned" || work === "resubmitted") {
        const decision = work === "passed" ? "PASSED" : work === "failed" ? "FAILED" : "REVISION";
        await tx.assessment.create({
          data: {
            submissionId: submission.id,
            versionId: first.id,
            number: 1,
            status: "RELEASED",
            releasedAt,
            decision,
            gradedById: grader,
            levels: levelsAt(decision === "PASSED" ? "pass" : "low"),
            feedback: feedbackFor(
              decision === "PASSED"
                ? "Helder uitgewerkt, met de stem van bewoners erin."
                : "Hier mis ik nog wat bewoners er zelf over zeggen.",
            ),
            overall:
              decision === "PASSED"
                ? "Een sterk stuk: je laat zien wat je in de wijk hoorde en wat je ermee doet."
                : decision === "FAILED"
                  ? "Dit voldoet nog niet: het verslag blijft bij algemene observaties. Laten we samen kijken hoe het verder kan."
                  : "Goed begin. Laat in een nieuwe versie twee bewoners aan het woord.",
            revisionNote: decision === "REVISION" ? "Laat twee bewoners aan het woord en maak je lessen concreet." : "",
          },
        });
      }
      if (work === "resubmitted")
        await tx.submissionVersion.create({
          data: {
            submissionId: submission.id,
            number: 2,
            handedInAt: resubmittedAt!,
            body: `${workText(person.name, index, false)}\n\nNieuw in deze versie: een bewoonster van de Kruiskamp vertelt hoe de speeltuin er kwam, en een buurman waarom hij nooit meer naar de bewonersavond gaat.`,
          },
        });
      if (work === "drafted")
        await tx.assessment.create({
          data: {
            submissionId: submission.id,
            versionId: first.id,
            number: 1,
            status: "DRAFT",
            revision: 1,
            decision: "PASSED",
            gradedById: colleague.id,
            levels: levelsAt("pass"),
            overall: "Concept: sterk praktijkverslag, nog even nalezen.",
          },
        });
      if (person.key === "ilse" && uploadsDir) {
        const files =
          index === 2
            ? [
                {
                  name: "buurtverkenning-kaart.pdf",
                  mediaType: "application/pdf",
                  bytes: tinyPdf("Buurtverkenning: kaart van de Kruiskamp"),
                },
                { name: "schets-plein.png", mediaType: "image/png", bytes: tinyPng() },
              ]
            : index === 3
              ? [
                  {
                    name: "praktijkverslag-bijlage.pdf",
                    mediaType: "application/pdf",
                    bytes: tinyPdf("Logboek bij de twee tips"),
                  },
                ]
              : [];
        for (const file of files) {
          const key = crypto.randomBytes(20).toString("hex");
          fs.mkdirSync(path.join(uploadsDir, key.slice(0, 2)), { recursive: true });
          fs.writeFileSync(path.join(uploadsDir, key.slice(0, 2), key), file.bytes);
          await tx.attachment.create({
            data: {
              userId: idOf(person.key),
              versionId: first.id,
              originalName: file.name,
              mediaType: file.mediaType,
              size: file.bytes.length,
              sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
              storageKey: key,
              createdAt: handedInAt,
            },
          });
        }
      }
    }
  }
  // Lotte started the second assignment long ago and left it.
  const second = planned[1]?.module.assignments[0];
  if (second)
    await tx.draft.create({
      data: {
        userId: idOf("lotte"),
        cohortId: cohort.id,
        assignmentSlug: second,
        body: "Het vraagstuk dat ik kies: de sluiting van de bibliotheek in de Kruiskamp.",
        revision: 1,
        updatedAt: ago(READING.lotte.lastActive, 5),
      },
    });

  // Peer feedback: given (and rated) on the early work; two reviews overdue (Lotte's and Ruben's).
  const review = async (reviewer: Person, author: Person, index: number, given: boolean, dueAt: Date) => {
    const submissionId = submissions.get(`${author}|${index}`);
    const slug = planned[index]?.module.assignments[0];
    if (!submissionId || !slug) return;
    await tx.peerReview.create({
      data: {
        cohortId: cohort.id,
        assignmentSlug: slug,
        submissionId,
        reviewerId: idOf(reviewer),
        status: given ? "SUBMITTED" : "OPEN",
        assignedAt: new Date(dueAt.getTime() - 7 * DAY_MS),
        dueAt,
        ...(given
          ? {
              submittedAt: new Date(dueAt.getTime() - 2 * DAY_MS),
              answers: {
                "0": "Het moment dat het buurthuis dichtging: dat verklaart veel van wat je nu ziet.",
                "1": "Ik hoor vooral de oudere bewoners; de jongeren mis ik nog.",
                "2": "De lessen volgen goed uit je gesprekken.",
              },
              tip: "Vraag ook eens de jongerenwerker hoe hij de wijk ziet.",
              rating: 4,
              ratedAt: dueAt,
            }
          : {}),
      },
    });
  };
  const peerDue = (index: number) => planned[index]?.peerReviewDueAt ?? ago(3);
  await review("mohamed", "ilse", 0, true, peerDue(0));
  await review("wim", "ilse", 0, true, peerDue(0));
  await review("ilse", "mohamed", 0, true, peerDue(0));
  await review("mohamed", "ilse", 2, true, ago(2));
  await review("lotte", "ilse", 1, false, peerDue(1));
  await review("ruben", "esra", 2, false, ago(3));
}

const PARAGRAPHS = [
  "In de Kruiskamp wonen ruim vierduizend mensen, in rijtjeshuizen uit de jaren vijftig en een paar flats aan de rand. Wie er langer woont, noemt de buurt nog altijd ‘het dorp in de stad’: je kent elkaar van de school, de voetbalclub en de markt op zaterdag.",
  "Ik sprak met zes bewoners, een huisarts, de wijkagent en twee collega’s van het welzijnswerk. Wat me opviel: iedereen heeft een verhaal over het buurthuis dat in 2014 dichtging. Voor de een was het de plek waar de kinderen leerden zwemmen in het badje achter, voor de ander de plek waar ‘de gemeente’ kwam vertellen wat er ging gebeuren.",
  "Een bewoonster van de Ganzenweg vertelde hoe ze met vier buren de speeltuin terugkreeg. Niet via een plan, maar door elke week koffie te zetten op het grasveld tot de wethouder kwam kijken. Dat patroon, eerst zelf beginnen en dan pas vragen, kwam ik vaker tegen.",
  "Tegelijk zie ik wie ik niet sprak. De nieuwe bewoners in de flats aan de Hogeweg komen in geen enkel verhaal voor, en de jongeren die ’s avonds bij het winkelcentrum staan worden vooral als probleem genoemd. Dat neem ik mee naar mijn volgende gesprekken.",
  "Mijn les voor mijn eigen werk: ik begin te vaak bij de vraag van de organisatie. In de Kruiskamp is de energie het grootst waar bewoners zelf iets begonnen zijn. Mijn rol is dan eerder die van aanjager en verbinder dan die van organisator.",
];

/** The Markdown of a demo hand-in; the long one fills the grading desk's left column well past one screen. */
function workText(name: string, index: number, long: boolean) {
  const intro = `## ${["Wijkgeschiedenis", "Eén vraagstuk, twee werelden", "Buurtverkenning", "Twee tips in de praktijk"][index] ?? "Uitwerking"} van ${name.split(" ")[0]}\n\n`;
  if (!long) return intro + PARAGRAPHS.slice(0, 3).join("\n\n");
  const parts = [
    "Wie er woont",
    "Verbinders en netwerken",
    "Het gesprek over vertrouwen",
    "Wie ik nog niet hoorde",
    "Wat ik meeneem",
  ];
  return (
    intro +
    parts
      .map((title, i) => `### ${title}\n\n${PARAGRAPHS[i]}\n\n${PARAGRAPHS[(i + 2) % PARAGRAPHS.length]}`)
      .join("\n\n")
  );
}

/** A one-page PDF with one line of text, with a correct cross-reference table. */
function tinyPdf(line: string): Uint8Array {
  const text = line.replace(/[()\\]/g, "").replace(/[^\x20-\x7e]/g, "-");
  const stream = `BT /F1 18 Tf 60 740 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A small PNG sketch: a green square (the plein) with paths crossing it, on paper-coloured ground. */
function tinyPng(width = 240, height = 160): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      const path = Math.abs(x - y * 1.5) < 4 || Math.abs(y - height / 2) < 3;
      const plein = x > 70 && x < 170 && y > 30 && y < 130;
      const [r, g, b] = path ? [140, 110, 80] : plein ? [120, 170, 110] : [246, 242, 232];
      rows.push(r, g, b);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(Buffer.from(rows))),
    pngChunk("IEND", new Uint8Array()),
  ]);
}
