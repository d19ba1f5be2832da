// Issue 22: the trainer chooses who leads a contact day from the cohort's trainers (checkboxes); the choice is kept,
// shown on the agenda, and someone who is not a trainer of the cohort is refused next to the checkboxes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { createUser } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { participantIn } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

async function cohortWithTwoTrainers() {
  const { browser: participant, cohortId } = await participantIn(app);
  const [lotte, karim] = [
    await createUser({ role: "TRAINER", name: "Lotte Leidt" }),
    await createUser({ role: "TRAINER", name: "Karim Kijkt" }),
  ];
  await db.cohortStaff.createMany({ data: [lotte, karim].map((t) => ({ cohortId, userId: t.id })) });
  return { cohortId, participant, lotte, karim, trainer: await app.client().signInAs(lotte) };
}

/** Whether the page has this trainer's checkbox ticked. */
const ticked = (html: string, id: string) => new RegExp(`name="leaders" checked="" value="${id}"`).test(html);
const offered = (html: string, id: string) => new RegExp(`name="leaders"( checked="")? value="${id}"`).test(html);

const newDay = (leaders: string) => ({
  [FORM_ID_FIELD]: "contactdag-nieuw",
  intent: "save",
  day: "2027-05-11",
  startTime: "09:30",
  endTime: "16:00",
  place: "Amersfoort",
  topic: "Wie leidt er",
  leaders,
});

describe("the leaders of a contact day", () => {
  it("offers the cohort's trainers, all ticked for a new day", async () => {
    const { cohortId, trainer, lotte, karim } = await cohortWithTwoTrainers();
    const page = await trainer.get(`/agenda/contactdagen/${cohortId}`);
    expect(page.text).toContain("Onder leiding van");
    for (const t of [lotte, karim]) expect(ticked(page.html, t.id)).toBe(true);
  });

  it("keeps the one chosen, shows it on the agenda and the list, and changes it when the day is changed", async () => {
    const { cohortId, trainer, participant, lotte, karim } = await cohortWithTwoTrainers();
    const saved = await trainer.submit(`/agenda/contactdagen/${cohortId}`, newDay(karim.id));
    expect(saved.text).toContain("De contactdag is toegevoegd.");
    const day = await db.contactDay.findFirstOrThrow({
      where: { cohortId, topic: "Wie leidt er" },
      select: { id: true, leaders: { select: { userId: true } } },
    });
    expect(day.leaders).toEqual([{ userId: karim.id }]);
    expect((await participant.get("/agenda")).text).toContain("Onder leiding van Karim Kijkt.");
    expect((await participant.get("/agenda")).text).not.toContain("Lotte Leidt");

    const editing = await trainer.get(`/agenda/contactdagen/${cohortId}?dag=${day.id}`);
    expect(ticked(editing.html, karim.id)).toBe(true);
    expect(offered(editing.html, lotte.id)).toBe(true);
    expect(ticked(editing.html, lotte.id)).toBe(false);

    const changed = await trainer.submit(`/agenda/contactdagen/${cohortId}?dag=${day.id}`, {
      ...newDay(lotte.id),
      [FORM_ID_FIELD]: `contactdag-${day.id}`,
      id: day.id,
    });
    expect(changed.text).toContain("De contactdag is gewijzigd.");
    expect(changed.text).toContain("Lotte Leidt");
    expect((await participant.get("/agenda")).text).toContain("Onder leiding van Lotte Leidt.");
  });

  it("refuses someone who is not a trainer of this cohort, keeping what was typed and saving nothing", async () => {
    const { cohortId, trainer } = await cohortWithTwoTrainers();
    const outsider = await createUser({ role: "TRAINER", name: "Olga Elders" });
    const refused = await trainer.post(`/agenda/contactdagen/${cohortId}`, newDay(outsider.id));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Kies de leiding uit de trainers van deze groep.");
    expect(refused.html).toContain('value="Amersfoort"');
    expect(await db.contactDay.count({ where: { cohortId, topic: "Wie leidt er" } })).toBe(0);
  });
});
