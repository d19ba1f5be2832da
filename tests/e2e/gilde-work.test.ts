// The gilde learns as a group (issue 23), in one journey on the demo cohort: De Wevers finish their shared text
// (Dewi on a laptop and Kees on his phone edit it, each sees who changed what), Kees writes his part, the others
// agree and Kees hands in for all; two members of De Smeden are given the work to review and see "gilde De Wevers",
// never a member's name; De Wevers read the feedback without the reviewer's name and Dewi writes what they will do
// with it. Then De Smeden evaluate each other
// at the demo moment "Halverwege": each rates themselves first, then gildegenoten; once three gave Fatma a rating she
// sees the averages, never who said what; the trainer sees all.
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, followMenu, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

const TITLE = "Bundel signalen tot collectief werk";
const WEVERS = /Dewi|de Vries|Youssef|El Amrani|Marieke|Jansen|Kees|Bakker/;
const SMEDEN = /Fatma|Yilmaz|Joost|van Dijk|Priya|Ramdin|Sanne|Visser/;

async function openGildeText(page: Page) {
  await page.goto(`${e2e.server.baseUrl}/opdrachten/signalen-bundelen/gilde`);
  await page.getByRole("heading", { name: "Jullie tekst" }).waitFor();
}

/** Adds a paragraph to the shared text and saves it with the button (the autosave may have saved it already). */
async function addToText(page: Page, paragraph: string) {
  const text = page.getByLabel("De gezamenlijke uitwerking (Markdown)");
  await text.fill(`${await text.inputValue()}\n\n${paragraph}`);
  await page.getByRole("button", { name: "Tekst opslaan" }).click();
  await page.getByText("De gezamenlijke tekst is opgeslagen.").waitFor();
}

async function agree(page: Page) {
  await page.getByRole("button", { name: "Akkoord met deze versie" }).click();
  await page.getByText("Je bent akkoord met deze versie van de tekst.").waitFor();
}

async function openEvaluation(page: Page) {
  await followMenu(page, "Mijn gilde");
  await page.waitForURL("**/gilde");
  await page.getByRole("region", { name: "Evaluatie in je gilde" }).getByRole("link", { name: "Halverwege" }).click();
  await page.getByRole("heading", { name: "Evaluatie: Halverwege" }).waitFor();
}

/** Fills in the form on the page with the same level for every criterion, and saves it. */
async function rate(page: Page, level: string, comment = "") {
  const form = page.locator("form", { has: page.getByRole("group", { name: "Bijdrage" }) });
  for (const criterion of ["Bijdrage", "Betrouwbaarheid", "Ruimte geven aan anderen", "Inbreng uit de eigen wijk"])
    await form.getByRole("group", { name: criterion }).getByLabel(level).check();
  if (comment) await form.getByRole("textbox").fill(comment);
  await form.getByRole("button").click();
}

it("lets a gilde write and hand in together, be reviewed by another gilde, and evaluate each other", async () => {
  const base = e2e.server.baseUrl;

  // De Wevers write: Dewi on her laptop, Kees on his phone. Each sees who saved last and who changed the text.
  const dewi = await loggedIn(e2e, "deelnemer@gilde.test");
  await openGildeText(dewi);
  await addToText(dewi, "## Wat bewoners zeiden\n\nTwee moeders herkennen het: ze vragen nu de buurvrouw niet meer.");
  const kees = await loggedIn(e2e, "deelnemer4@gilde.test", PHONE);
  await openGildeText(kees);
  await kees.getByText("Laatst opgeslagen door Dewi de Vries").waitFor();
  await addToText(kees, "## Ons voorstel\n\nEen oppasruil via de buurtkamer, bedacht met de ouders zelf.");
  await kees.getByLabel("Mijn bijdrage").fill("Ik sprak de buurtkamer en schreef het voorstel.");
  await kees.getByRole("button", { name: "Bijdrage opslaan" }).click();
  await kees.getByText("Je bijdrage is opgeslagen.").waitFor();
  await kees.getByText("Wie de tekst veranderde").click();
  await kees.getByText(/^Kees Bakker, .*woorden$/).waitFor();
  await kees
    .getByText(/^Dewi de Vries, .*woorden$/)
    .first()
    .waitFor();
  // The text changed since Youssef and Marieke agreed: everyone agrees to this version before Kees hands in.
  await kees
    .getByText(
      /^We wachten nog op akkoord van (Dewi de Vries|Marieke Jansen|Youssef El Amrani)(, (Dewi de Vries|Marieke Jansen|Youssef El Amrani)){2}\./,
    )
    .waitFor();
  await audit(kees, "6-gildewerk", "samen-schrijven-telefoon");
  await openGildeText(dewi);
  await dewi.getByText("Laatst opgeslagen door Kees Bakker").waitFor();
  await agree(dewi);
  for (const email of ["deelnemer2@gilde.test", "deelnemer3@gilde.test"]) {
    const member = await loggedIn(e2e, email);
    await openGildeText(member);
    await agree(member);
    await member.context().close();
  }
  await kees.reload();
  await kees.getByText("Iedereen is akkoord: je kunt inleveren namens de gilde.").waitFor();
  await kees.getByRole("button", { name: "Inleveren namens De Wevers" }).click();
  await kees.getByText(/Ingeleverd namens jullie gilde \(versie 1\)/).waitFor();

  // Handing in gave the work to De Smeden: two of them review it, and see the gilde, not who wrote it.
  const smeden = new Map<string, Page>();
  for (const email of [
    "deelnemer5@gilde.test",
    "deelnemer6@gilde.test",
    "deelnemer7@gilde.test",
    "deelnemer8@gilde.test",
  ])
    smeden.set(email, await loggedIn(e2e, email, email === "deelnemer7@gilde.test" ? PHONE : {}));
  const reviewers: Page[] = [];
  for (const page of smeden.values()) {
    await page.goto(`${base}/gilde`);
    const row = page.getByRole("region", { name: "Feedback die jij geeft" }).locator("tr, li, article", {
      hasText: "gilde De Wevers",
    });
    if ((await row.count()) > 0) reviewers.push(page);
  }
  expect(reviewers).toHaveLength(2);
  const reviewer = reviewers[0]!;
  await reviewer
    .getByRole("region", { name: "Feedback die jij geeft" })
    .locator("tr, li, article", { hasText: "gilde De Wevers" })
    .getByRole("link", { name: "Feedback geven" })
    .click();
  await reviewer.getByRole("heading", { name: `Feedback op ‘${TITLE}’` }).waitFor();
  await reviewer.getByText("Werk van gilde De Wevers (uit een andere gilde)").waitFor();
  await reviewer.getByText("Een oppasruil via de buurtkamer").waitFor();
  expect(await reviewer.locator("main").innerText()).not.toMatch(WEVERS);
  const questions = reviewer.locator("form textarea[name^='answers.']");
  for (let q = 0; q < (await questions.count()); q++)
    await questions.nth(q).fill(`Punt ${q + 1}: het patroon volgt uit wat de moeders zelf zeggen.`);
  await reviewer.getByLabel("Tip voor verder").fill("Vraag de ouders zelf wie de oppasruil gaat trekken.");
  await reviewer.getByRole("button", { name: "Feedback indienen" }).click();
  await reviewer.getByText("Ingediend. Dank je").waitFor();

  // De Wevers read it on /gilde: from "Feedbackgever …" of another gilde, never by name.
  await dewi.goto(`${base}/gilde`);
  const received = dewi
    .getByRole("region", { name: "Feedback die je kreeg" })
    .locator("article", { has: dewi.getByRole("heading", { name: TITLE }) });
  await received.getByText("Vraag de ouders zelf wie de oppasruil gaat trekken.").waitFor();
  await received.getByRole("heading", { name: /^Feedbackgever \d \(uit een andere gilde\)$/ }).waitFor();
  await received.getByText("Eén feedbackgever is nog bezig.").waitFor();
  expect(await received.innerText()).not.toMatch(SMEDEN);
  await audit(dewi, "6-gildewerk", "feedback-van-andere-gilde");
  // Any member writes what the gilde does with it (the one who handed in was Kees).
  await received
    .getByLabel("Wat ga je met deze feedback doen?")
    .fill("We vragen twee ouders om de oppasruil samen met ons te trekken.");
  await received.getByRole("button", { name: "Reflectie opslaan" }).click();
  await dewi.getByText("Je reflectie is opgeslagen.").waitFor();

  // De Smeden evaluate each other.
  const fatma = smeden.get("deelnemer5@gilde.test")!;
  await openEvaluation(fatma);
  await fatma.getByRole("heading", { name: "Eerst: jijzelf" }).waitFor();
  await audit(fatma, "6-evaluatie", "zelf-laptop");
  await rate(fatma, "3 – meestal");
  await fatma.getByText("Opgeslagen. Beoordeel nu je gildegenoten.").waitFor();
  await fatma.getByRole("heading", { name: "Nu: Joost van Dijk" }).waitFor();
  await rate(fatma, "4 – steeds", "Jij houdt ons bij de les.");
  await fatma.getByText("Je beoordeling van Joost van Dijk is opgeslagen.").waitFor();

  for (const [index, email] of ["deelnemer6@gilde.test", "deelnemer7@gilde.test", "deelnemer8@gilde.test"].entries()) {
    const page = smeden.get(email)!;
    await openEvaluation(page);
    await rate(page, "3 – meestal");
    await page.getByRole("heading", { name: "Nu: Fatma Yilmaz" }).waitFor();
    if (index === 1) await audit(page, "6-evaluatie", "gildegenoot-telefoon");
    await rate(page, index === 2 ? "1 – nog weinig" : "4 – steeds", `Opmerking ${index + 1} voor Fatma.`);
    await page.getByText("Je beoordeling van Fatma Yilmaz is opgeslagen.").waitFor();
  }

  await fatma.reload();
  const aboutMe = fatma.getByRole("region", { name: "Wat je gildegenoten over jou zeiden" });
  await aboutMe.getByText("gemiddeld 3 van 4 (3 gildegenoten)").first().waitFor();
  await aboutMe.getByText("Opmerking 3 voor Fatma.").waitFor();
  await expect(aboutMe.getByText(/Joost|Priya|Sanne/)).toHaveCount(0);
  await audit(fatma, "6-evaluatie", "over-jou-laptop");

  const trainer = await loggedIn(e2e, "trainer@gilde.test");
  await trainer.goto(`${base}/beoordelen`);
  await trainer.getByRole("link", { name: "Evaluatie Voorjaar 2027" }).click();
  await trainer.getByRole("heading", { name: "Evaluatie in de gildes" }).waitFor();
  const fatmaCard = trainer.locator("article", { has: trainer.getByRole("heading", { name: /Fatma Yilmaz/ }) });
  await fatmaCard
    .getByText(/Sanne Visser 1 \(!\) ver onder de anderen/)
    .first()
    .waitFor();
  await audit(trainer, "6-evaluatie", "trainer-laptop");
}, 150_000);
