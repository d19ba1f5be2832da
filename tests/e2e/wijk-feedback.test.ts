// Journey (issue 24), at phone size: a participant makes a meeting link for the wijk; a resident scans it on an old
// phone without JavaScript, answers and gives consent; the participant reads the answer with her assignment; later
// the resident withdraws the consent with the withdrawal link, and the answer is gone from the participant's page.
import { it } from "vitest";
import { audit, screenshot } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

const ASSIGNMENT = "/opdrachten/leefwereld-systeemwereld";
const ANSWER = "De bankjes bij de bakker zijn terug, en dat merk je aan de hele straat.";

it("lets a resident give feedback without an account and later take the consent back", async () => {
  const dewi = await loggedIn(e2e, "deelnemer@gilde.test", PHONE);
  await dewi.goto(`${e2e.server.baseUrl}${ASSIGNMENT}`);
  // The demo's feedback from Ans is there; Joke's, withdrawn, is not.
  await expect(dewi.getByText("Mijn buurvrouw wil nu ook haar verhaal vertellen.")).toBeVisible();
  await expect(dewi.getByText("Gezellig, maar ik wil liever niet")).toHaveCount(0);
  await dewi.getByRole("link", { name: "Vraag de wijk om feedback" }).click();
  await dewi.getByRole("heading", { name: "Feedback uit de wijk" }).waitFor();
  await audit(dewi, "24-wijkfeedback", "deelnemer-links");

  const meeting = dewi.getByRole("form", { name: "Een link voor een gesprek of bijeenkomst" });
  await meeting.getByLabel("Wat kunnen we de volgende keer samen doen?").uncheck();
  await meeting.getByLabel("Wat zou je anders willen zien?").check();
  await meeting.getByLabel("Hoeveel reacties hoogstens?").fill("5");
  await meeting.getByRole("button", { name: "Link en QR-code maken" }).click();
  await dewi.getByText("De link is klaar. Laat de QR-code hieronder scannen.").waitFor();
  const card = dewi.getByRole("listitem").filter({ hasText: "0 van 5 reacties" });
  await expect(card.getByRole("img", { name: /QR-code/ })).toBeVisible();
  const link = await card.getByRole("link", { name: /\/wijkfeedback\// }).getAttribute("href");
  expect(link).toBeTruthy();

  // The resident's phone: no account, no JavaScript.
  const phone = await (await e2e.browser.newContext({ locale: "nl-NL", ...PHONE, javaScriptEnabled: false })).newPage();
  await phone.goto(link!);
  await phone.getByRole("heading", { name: "Dewi vraagt jouw mening" }).waitFor();
  await expect(phone.getByText("de Vries")).toHaveCount(0);
  await screenshot(phone, "24-wijkfeedback", "bewoner-formulier-zonder-js");
  // axe needs JavaScript in the page: the same screens are checked in a second phone that has it.
  const checker = await (await e2e.browser.newContext({ locale: "nl-NL", ...PHONE })).newPage();
  await checker.goto(link!);
  await audit(checker, "24-wijkfeedback", "bewoner-formulier");
  await phone.getByRole("button", { name: "Versturen" }).click();
  await phone.getByText("Zonder deze toestemming kunnen we je antwoorden niet bewaren.").first().waitFor();
  await screenshot(phone, "24-wijkfeedback", "bewoner-toestemming-vergeten");
  await phone.getByLabel("Wat heeft dit voor jou of de buurt betekend?").fill(ANSWER);
  await phone.getByLabel("Je voornaam (mag leeg blijven)").fill("Noor");
  await phone.getByLabel(/Ja, voor de beoordeling/).check();
  await phone.getByRole("button", { name: "Versturen" }).click();
  await phone.getByText("Bedankt! Je antwoorden zijn verstuurd.").waitFor();
  const withdrawal = phone.url();
  await checker.goto(withdrawal);
  await audit(checker, "24-wijkfeedback", "bewoner-toestemming");

  await dewi.goto(`${e2e.server.baseUrl}${ASSIGNMENT}`);
  await expect(dewi.getByText(ANSWER)).toBeVisible();
  await audit(dewi, "24-wijkfeedback", "deelnemer-opdracht");

  // Later: the resident opens the withdrawal link again and takes the consent back.
  await phone.goto(withdrawal);
  await phone.getByRole("button", { name: "Toestemming intrekken" }).click();
  await phone.getByText("Je toestemming is ingetrokken.").waitFor();
  await screenshot(phone, "24-wijkfeedback", "bewoner-ingetrokken");

  await dewi.goto(`${e2e.server.baseUrl}${ASSIGNMENT}`);
  await expect(dewi.getByText("Mijn buurvrouw wil nu ook haar verhaal vertellen.")).toBeVisible();
  await expect(dewi.getByText(ANSWER)).toHaveCount(0);
}, 180_000);
