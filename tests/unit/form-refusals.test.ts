// The form protocol answers every refusal (one type, RefusedError, for every capability) the same way (forms/submission.server.ts): the form's
// message, its status and the field errors, tagged with the form that was sent. A refusal of something whose
// existence is private stays a 404, and anything that is not a refusal is a real failure.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RefusedError } from "~/errors.server";
import { FORM_ID_FIELD, type FormReply } from "~/forms/protocol";
import { attempt, readSubmission } from "~/forms/submission.server";

const Schema = z.object({ body: z.string() });

function post(fields: Record<string, string>) {
  return new Request("http://gilde.test/ergens", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

async function refusedWith(error: Error) {
  const submission = await readSubmission(post({ body: "Wat ik typte", [FORM_ID_FIELD]: "mijn-formulier" }), Schema);
  return attempt(submission, () => Promise.reject(error));
}

describe("refusals from the capabilities", () => {
  it("answers a refusal with its message, status and field errors, keeping what was typed", async () => {
    const response = await refusedWith(new RefusedError("Dat kan zo niet.", 409, { body: "Korter graag." }));
    expect(response.status).toBe(409);
    const reply = (await response.json()) as FormReply;
    expect(reply.formId).toBe("mijn-formulier");
    expect(reply.error).toMatchObject({ "": ["Dat kan zo niet."], body: ["Korter graag."] });
    expect(reply.initialValue).toMatchObject({ body: "Wat ik typte" });
  });

  it("keeps a 404 a 404, and lets anything else through to the error boundary", async () => {
    const notFound = await refusedWith(new RefusedError("Deze opdracht bestaat niet.", 404)).catch((thrown) => thrown);
    expect(notFound).toBeInstanceOf(Response);
    expect((notFound as Response).status).toBe(404);
    await expect(refusedWith(new Error("stuk"))).rejects.toThrow("stuk");
  });
});
