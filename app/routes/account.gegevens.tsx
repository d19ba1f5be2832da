// The user's own data (AVG): download everything as a ZIP, ask for erasure, and see what happened to earlier requests.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckField, FormError, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";
import { myPrivacyRequests, requestErasure } from "~/privacy/erasure.server";

const UNDERSTOOD = "Vink aan dat je begrijpt wat verwijderen betekent.";
const ErasureSchema = z.object({
  reason: z.string().max(2000, "Houd de toelichting kort: hoogstens 2000 tekens.").default(""),
  confirm: z.boolean({ required_error: UNDERSTOOD }).refine(Boolean, UNDERSTOOD),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email, requests: await myPrivacyRequests(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, ErasureSchema);
  return attempt(submission, async ({ reason }) => {
    await requestErasure(user, reason);
    return redirectWithFlash(
      "/account/gegevens",
      "Je verzoek is ontvangen. De beheerder handelt het binnen een maand af; je krijgt bericht per e-mail.",
    );
  });
}

function ErasureForm({ email }: { email: string }) {
  const [form, fields] = useGildeForm(ErasureSchema, { id: "verwijdering" });
  return (
    <GildeForm form={form}>
      <p>
        Na verwijdering kun je niet meer inloggen ({email}). Je inzendingen, wijkprofiel, bestanden en berichten
        verdwijnen. Feedback die je aan anderen gaf blijft voor hen zichtbaar, zonder je naam. Betalingen bewaren we
        zolang de wet dat vraagt (zeven jaar), los van je profiel.
      </p>
      <TextArea meta={fields.reason} label="Toelichting (mag leeg blijven)" rows={3} maxLength={2000} />
      <CheckField meta={fields.confirm} label="Ik begrijp dat dit niet ongedaan te maken is" />
      <button type="submit" className="button button--danger">
        Vraag verwijdering aan
      </button>
    </GildeForm>
  );
}

const KIND = { EXPORT: "Download van je gegevens", ERASURE: "Verwijdering" } as const;
const STATUS = { PENDING: "in behandeling", DONE: "uitgevoerd", REJECTED: "afgewezen" } as const;

export default function MyData() {
  const { email, requests } = useLoaderData<typeof loader>();
  // A second request (from another tab) is refused while the form is gone: its answer shows with the notice.
  const refused = useFormReply("verwijdering")?.error?.[""]?.[0];
  const pending = requests.some((r) => r.kind === "ERASURE" && r.status === "PENDING");
  return (
    <>
      <h1>Mijn gegevens</h1>
      <p>
        Gilde bewaart wat je zelf invult (je profiel, wijkprofiel, inzendingen, peerfeedback en berichten) en wat nodig
        is voor de leergang (inschrijving, beoordelingen, betalingen). Je kunt het allemaal downloaden, en je kunt
        vragen het te verwijderen. Hoe lang we wat bewaren staat onderaan.
      </p>

      <section className="card" aria-labelledby="download">
        <h2 id="download">Alles downloaden</h2>
        <p>
          Een ZIP-bestand met je gegevens als JSON en de bestanden die je hebt geüpload. Feedback van anderen staat erin
          zoals je die in Gilde ziet: een anonieme feedbackgever blijft anoniem.
        </p>
        <Form method="post" action="/account/gegevens/download" reloadDocument>
          <button type="submit" className="button">
            Download mijn gegevens (ZIP)
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="verwijderen">
        <h2 id="verwijderen">Gegevens laten verwijderen</h2>
        {pending ? (
          <>
            <FormError error={refused} />
            <p className="notice" role="status">
              Je verzoek om verwijdering is in behandeling.
            </p>
          </>
        ) : (
          <ErasureForm email={email} />
        )}
      </section>

      {requests.length ? (
        <section aria-labelledby="verzoeken">
          <h2 id="verzoeken">Je verzoeken</h2>
          <ul>
            {requests.map((r) => (
              <li key={r.id}>
                {KIND[r.kind]} — {formatDateTime(r.requestedAt)}: {STATUS[r.status]}
                {r.handledAt && r.kind === "ERASURE" ? ` op ${formatDateTime(r.handledAt)}` : ""}
                {r.outcome && r.kind === "ERASURE" ? `. ${r.outcome}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="bewaren">
        <h2 id="bewaren">Hoe lang we bewaren</h2>
        <ul>
          <li>
            Inzendingen en je wijkprofiel: tot de bewaartermijn van je groep verloopt (standaard twee jaar na het
            einde). Een maand vooraf krijg je bericht. Alumni houden hun werk.
          </li>
          <li>Betalingen en facturen: zeven jaar (fiscale bewaarplicht).</li>
          <li>
            Inloggegevens in het auditlog: zolang je account bestaat; bij verwijdering blijft alleen een geanonimiseerde
            regel over.
          </li>
        </ul>
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Mijn gegevens — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
